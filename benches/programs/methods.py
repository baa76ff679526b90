"""Method calls on user classes: attribute access, small methods, inheritance."""


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        self.pos = self.pos.add(self.vel)
        return self

    def energy(self):
        return self.vel.dot(self.vel)


class Damped(Particle):
    def step(self):
        self.vel = self.vel.scale(0.999)
        return super().step()


def run(n, steps):
    ps = [Particle(Vector(i, 0.0), Vector(1.0, i % 5)) if i % 2 else Damped(Vector(0.0, i), Vector(0.5, 1.0))
          for i in range(n)]
    for _ in range(steps):
        for p in ps:
            p.step()
    return sum(p.energy() for p in ps), sum(p.pos.x for p in ps)


print("checksum %.6f %.6f" % run(300, 4000))
