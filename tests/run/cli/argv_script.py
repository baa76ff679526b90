# sys.argv and sys.orig_argv for a script with arguments that look like options
import sys
print(sys.argv[1:])
print(sys.orig_argv[1:])
print(sys.argv[0] == sys.orig_argv[2])
