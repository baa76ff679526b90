counter_value = 10
print(counter_valu)
