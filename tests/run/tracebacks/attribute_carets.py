class Config:
    settings = None
config = Config()
value = config.settings.get("key")
