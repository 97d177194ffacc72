from record import Recorded


class Node(Recorded):
    pass
