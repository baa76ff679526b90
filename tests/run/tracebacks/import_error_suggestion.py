from sys import maxsze
