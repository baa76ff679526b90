class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return f"application failed with code {self.code}"
raise AppError(42)
