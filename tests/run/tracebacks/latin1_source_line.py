# -*- coding: latin-1 -*-
# a source file in Latin-1: the traceback shows its line decoded as declared
x = "été" + 1
