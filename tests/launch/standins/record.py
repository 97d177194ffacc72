"""Base class: keep positional and keyword arguments as given, refusing keywords the real class lacks."""


class Recorded:
    # keyword arguments the real constructor accepts (None: not checked)
    allowed = None

    def __init__(self, *args, **kwargs):
        if self.allowed is not None:
            unknown = sorted(set(kwargs) - set(self.allowed))
            if unknown:
                raise TypeError(f"{type(self).__name__}() got unexpected keyword arguments {unknown}")
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return f"{type(self).__name__}({self.args!r}, {self.kwargs!r})"


# keywords every launch Action takes, and those ExecuteProcess adds (launch_ros Node passes its **kwargs on)
ACTION_KEYWORDS = ("condition",)
EXECUTE_PROCESS_KEYWORDS = ACTION_KEYWORDS + (
    "cwd",
    "env",
    "additional_env",
    "shell",
    "sigterm_timeout",
    "sigkill_timeout",
    "emulate_tty",
    "output",
    "prefix",
    "respawn",
    "respawn_delay",
    "on_exit",
)
