# SystemExit with several args prints the tuple
raise SystemExit(1, "two")
