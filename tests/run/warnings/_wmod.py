import warnings
warnings.warn("imported, level 1")
warnings.warn("imported, level 2", stacklevel=2)
warnings.warn("imported, level 3", stacklevel=3)
