# -*- coding: latin-1 -*-
s = "café"
b = b"\xe9"
été = 1
