from record import EXECUTE_PROCESS_KEYWORDS, Recorded


class Node(Recorded):
    allowed = (
        "package",
        "executable",
        "name",
        "namespace",
        "exec_name",
        "parameters",
        "remappings",
        "ros_arguments",
        "arguments",
    ) + EXECUTE_PROCESS_KEYWORDS
