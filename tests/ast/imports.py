import os
import os.path
import os.path as osp
import a, b.c, d as e
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (
    path as p,
    sep,
)
from . import x
from .. import y
from ... import z
from .... import w
from .mod import a
from ..pkg.mod import b as c
from mod import *
from .mod import *
import __future__
