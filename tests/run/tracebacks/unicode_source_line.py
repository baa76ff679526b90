naïve = {"clé": "valeur"}
print(naïve["clé"])
print(naïve["ключ"])
