"""Colours and type for the charts, light and dark. Series colours come from the Okabe–Ito
palette (distinguishable with the common colour-vision deficiencies); every series also
differs in line style or marker, and ordered values (severity, bands) in lightness, so
nothing depends on colour alone and grayscale prints stay readable."""

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}


@dataclass(frozen=True, slots=True)
class ChartTheme:
    name: str
    background: str
    text: str
    muted_text: str
    grid: str
    mood: str
    rolling: str
    day_range: str
    series: tuple[str, ...]  # other scales and trackers, in turn
    sleep: str
    quality: str
    efficiency: str
    scores: str
    band_fills: tuple[str, ...]  # lightest (best band) to darkest (worst)
    severity: tuple[str, ...]  # Severity.NONE .. SEVERE, light to dark
    adherence_taken: str
    adherence_partly: str
    adherence_missed: str
    not_recorded: str
    medication_bar: str
    course_span: str
    course_span_alpha: float
    selection: str
    font_size: float = 9.0


LIGHT = ChartTheme(
    name="light",
    background="#FFFFFF",
    text="#1F1F1F",
    muted_text="#4D4D4D",  # 4.5:1 on the darkest score band too
    grid="#DDDDDD",
    mood=OKABE_ITO["blue"],
    rolling="#1F1F1F",  # darkest and thickest, so the average stands out in grayscale too
    day_range="#8FB8D8",
    series=(
        OKABE_ITO["orange"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["sky_blue"],
        "#7F6000",
        "#555555",
    ),
    sleep=OKABE_ITO["blue"],
    quality=OKABE_ITO["orange"],
    efficiency=OKABE_ITO["bluish_green"],
    scores=OKABE_ITO["black"],
    band_fills=("#FFFFFF", "#F2F2F2", "#E4E4E4", "#D4D4D4", "#C2C2C2"),
    severity=("#F3EEF7", "#C9B3DB", "#8A63B0", "#3F1D66"),
    # Lightest to darkest as well as by hue: not recorded, taken, partly, missed.
    adherence_taken="#7FC7AF",
    adherence_partly="#C77C00",
    adherence_missed="#7A2400",
    not_recorded="#F0F0F0",
    medication_bar="#9CC3E0",
    course_span=OKABE_ITO["yellow"],
    course_span_alpha=0.18,
    selection="#000000",
)

DARK = ChartTheme(
    name="dark",
    background="#1E1E1E",
    text="#EDEDED",
    muted_text="#CCCCCC",  # 4.5:1 on the lightest score band too
    grid="#3A3A3A",
    mood=OKABE_ITO["sky_blue"],
    rolling=OKABE_ITO["orange"],
    day_range="#3F6E91",
    series=(
        OKABE_ITO["yellow"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["reddish_purple"],
        "#FFFFFF",
        "#E69F00",
        "#AAAAAA",
    ),
    sleep=OKABE_ITO["sky_blue"],
    quality=OKABE_ITO["orange"],
    efficiency=OKABE_ITO["bluish_green"],
    scores="#FFFFFF",
    band_fills=("#1E1E1E", "#2A2A2A", "#363636", "#444444", "#535353"),
    severity=("#2B2433", "#5E4A7A", "#9A7CC4", "#E2D4F5"),
    adherence_taken=OKABE_ITO["bluish_green"],
    adherence_partly=OKABE_ITO["orange"],
    adherence_missed=OKABE_ITO["vermillion"],
    not_recorded="#3A3A3A",
    medication_bar="#2F5878",
    course_span=OKABE_ITO["yellow"],
    course_span_alpha=0.12,
    selection="#FFFFFF",
)

# Line styles and markers given to the other scales in turn, so a legend entry is told
# apart by shape as well as colour.
LineStyle = str | tuple[int, tuple[int, ...]]
SERIES_STYLES: tuple[tuple[LineStyle, str], ...] = (
    ("--", "s"),
    (":", "^"),
    ("-.", "D"),
    ((0, (5, 1, 1, 1)), "v"),
    ((0, (1, 1)), "P"),
    ("--", "X"),
)
