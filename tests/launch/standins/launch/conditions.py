from record import Recorded


class IfCondition(Recorded):
    allowed = ()
