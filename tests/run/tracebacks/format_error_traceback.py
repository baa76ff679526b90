value = 3.5
print(f"{value:.2f}")
print(f"{value:d}")
