# raising SystemExit directly with a code
print("raise SystemExit(7)")
raise SystemExit(7)
