# time.pthread_getcpuclockid of the current thread (thread idents are not
# pthread handles; an unknown one is refused rather than dereferenced).
import time, threading
c = time.pthread_getcpuclockid(threading.get_ident())
print(type(c) is int, c != time.CLOCK_THREAD_CPUTIME_ID, time.clock_gettime(c) <= time.clock_gettime(c))
