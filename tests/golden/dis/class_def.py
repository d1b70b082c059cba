# tests/golden/dis/class_def.py — a class body (STORE_NAME), methods, a property,
# super().__init__ and attribute caches.
class Base:
    def __init__(self, x):
        self.x = x


class Point(Base):
    dims = 2

    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y


print(Point(3, 4).norm2)
