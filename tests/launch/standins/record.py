"""Base class: keep positional and keyword arguments as given."""


class Recorded:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return f"{type(self).__name__}({self.args!r}, {self.kwargs!r})"
