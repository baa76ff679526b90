def find_user(name):
    users = {"ann": {"email": "ann@example.com"}}
    return users.get(name)
print(find_user("ann")["email"])
print(find_user("bob")["email"])
