config = {"items": None}
first_two = config["items"][:2]
