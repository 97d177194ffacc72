from record import Recorded


class PythonLaunchDescriptionSource(Recorded):
    pass
