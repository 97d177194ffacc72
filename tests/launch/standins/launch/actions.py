from record import Recorded


class DeclareLaunchArgument(Recorded):
    @property
    def name(self):
        return self.args[0]


class IncludeLaunchDescription(Recorded):
    pass
