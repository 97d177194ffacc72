from record import ACTION_KEYWORDS, Recorded


class DeclareLaunchArgument(Recorded):
    allowed = ("default_value", "description", "choices") + ACTION_KEYWORDS

    @property
    def name(self):
        return self.args[0]


class IncludeLaunchDescription(Recorded):
    allowed = ("launch_arguments",) + ACTION_KEYWORDS
