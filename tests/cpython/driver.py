"""Runs one CPython regression test module under the interpreter running
this file and prints one line per test as it finishes: `<outcome> <test id>`
with outcome ok, fail, error, skip, xfail or xpass. Lines are flushed at
once, so a crash part-way still leaves the outcomes before it.

    pyrite tests/cpython/driver.py test.test_bool
"""

import sys
import unittest


class Recorder(unittest.TestResult):
    """Prints each test's outcome once; a failing subtest fails its test
    (unittest then reports no success for it)."""

    def __init__(self):
        super().__init__()
        self.failed = set()

    def report(self, test, outcome):
        print(outcome, test.id(), flush=True)

    def addSuccess(self, test):
        if test.id() not in self.failed:
            self.report(test, "ok")

    def addFailure(self, test, err):
        self.report(test, "fail")

    def addError(self, test, err):
        self.report(test, "error")

    def addSkip(self, test, reason):
        self.report(test, "skip")

    def addExpectedFailure(self, test, err):
        self.report(test, "xfail")

    def addUnexpectedSuccess(self, test):
        self.report(test, "xpass")

    def addSubTest(self, test, subtest, err):
        if err is not None and test.id() not in self.failed:
            self.failed.add(test.id())
            self.report(test, "fail")


def main():
    name = sys.argv[1]
    try:
        module = __import__(name, fromlist=["*"])
    except BaseException as e:
        print("error", name + ".<import>", "#", type(e).__name__, str(e).splitlines()[0] if str(e) else "", flush=True)
        return
    # loadTestsFromModule honours a module's load_tests protocol.
    unittest.TestLoader().loadTestsFromModule(module).run(Recorder())


main()
