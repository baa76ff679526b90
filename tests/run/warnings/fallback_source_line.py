# The source line shown without the warnings module (read from the file).
import _warnings
	 _warnings.warn("trailing blanks kept")   
_warnings.warn_explicit("past the end", UserWarning, __file__, 99)
_warnings.warn_explicit("line 0", UserWarning, __file__, 0)
_warnings.warn_explicit("negative", UserWarning, __file__, -3)
