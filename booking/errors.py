class BookingError(Exception):
    """A booking step that cannot be taken; ``message`` says why, in Chinese, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
