"""Rate and time left of a long import, worked out the same way for the window and the terminal."""

import time
from dataclasses import dataclass, field


@dataclass
class ProgressMeter:
    """Files done out of ``total``; ``rate`` and ``seconds_left`` from the time since start."""

    total: int
    done: int = 0
    started: float = field(default_factory=time.monotonic)

    def update(self, done: int) -> None:
        self.done = done

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-6)

    @property
    def rate(self) -> float:
        """Files per second so far."""
        return self.done / self.elapsed

    @property
    def seconds_left(self) -> float | None:
        if self.done == 0:
            return None
        return max(self.total - self.done, 0) / self.rate

    def describe(self) -> str:
        """``"1,234 of 20,000 files · 2,345 files/s · about 0:07 left"``."""
        parts = [f"{self.done:,} of {self.total:,} files"]
        if self.done:
            parts.append(f"{self.rate:,.0f} files/s")
            parts.append(f"about {format_duration(self.seconds_left)} left")
        return " · ".join(parts)


def format_duration(seconds: float | None) -> str:
    """``0:07``, ``12:30`` or ``1:02:03``."""
    if seconds is None:
        return "–"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
