# -*- coding: not-a-codec -*-
x = 1
