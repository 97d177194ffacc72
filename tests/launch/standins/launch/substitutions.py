from record import Recorded


class LaunchConfiguration(Recorded):
    allowed = ("default",)

    @property
    def name(self):
        return self.args[0]

    def __eq__(self, other):
        return isinstance(other, LaunchConfiguration) and other.args == self.args

    def __hash__(self):
        return hash(self.args)
