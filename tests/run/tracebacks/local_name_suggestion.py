def compute():
    intermediate_result = 5
    return intermediate_reslt * 2
compute()
