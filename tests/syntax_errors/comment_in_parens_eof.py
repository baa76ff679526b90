foo(
  # comment
