values = {"alpha": 1, "beta": 2, "gamma": 3}
result = values["alpha"] + values["beta"] + values["gamma"] + values["delta"] + values["alpha"] * 100
