"""A typical detailed night shared by the sleep and storage tests.

Into bed 22:30, tried 23:00, 20 min to fall asleep, 2 awakenings for 30 min, final
awakening 06:30, out of bed 07:00: in bed 8 h 30, asleep 6 h 40, efficiency 78.4 %.
"""

from datetime import date, time

from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord

SAMPLE_NIGHT = SleepRecord(
    night_of=date(2026, 11, 21),
    mode=SleepMode.FULL,
    quality=SleepQuality.FAIR,
    into_bed=time(22, 30),
    tried_to_sleep=time(23, 0),
    minutes_to_fall_asleep=20,
    awakenings=2,
    minutes_awake=30,
    final_awakening=time(6, 30),
    out_of_bed=time(7, 0),
)
