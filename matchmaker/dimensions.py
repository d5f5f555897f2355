"""The one registry of style dimensions.

Every form, model field, template and the SQL ranking read the six dimensions
from here, so the wording a client sees and the column the database stores can
never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

SCALE_MIN = 1
SCALE_MAX = 7
SCALE_MIDDLE = 4
SCALE = range(SCALE_MIN, SCALE_MAX + 1)

IMPORTANCE_MIN = 0
IMPORTANCE_MAX = 3
IMPORTANCE_CHOICES = (
    (0, "Not at all"),
    (1, "A little"),
    (2, "Quite a bit"),
    (3, "A lot"),
)


@dataclass(frozen=True)
class Dimension:
    key: str
    title: str
    # What a client reads: "I would like a therapist who is ..."
    client_question: str
    client_low: str
    client_high: str
    # A short taste of what each end feels like in a session.
    example_low: str
    example_high: str
    # What a therapist reads: "In my sessions I usually ..."
    therapist_low: str
    therapist_high: str
    # Short pole names for compact visuals and explanations.
    short_low: str
    short_high: str

    @property
    def point_field(self) -> str:
        """Column holding a client's preferred point for this dimension."""
        return f"{self.key}_point"

    @property
    def high_field(self) -> str:
        """Column holding the high end of a therapist's range (equal to the point when they gave one point)."""
        return f"{self.key}_high"

    @property
    def note_field(self) -> str:
        """Column holding a therapist's optional sentence about this dimension "in my own words"."""
        return f"{self.key}_note"

    @property
    def importance_field(self) -> str:
        """Column holding how much this dimension matters to a client."""
        return f"{self.key}_importance"


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        key="directness",
        title="Gentle or direct",
        client_question="How plainly should your therapist say what they see?",
        client_low="Gentle and indirect; lets me reach my own conclusions",
        client_high="Direct; tells me plainly what they see",
        example_low="They might ask, “What do you make of that?” and wait while you find your answer.",
        example_high="They might say, “I notice you put yourself last every time. Shall we look at that?”",
        therapist_low="stay gentle and indirect, and let clients reach their own conclusions",
        therapist_high="am direct, and tell clients plainly what I see",
        short_low="gentle",
        short_high="direct",
    ),
    Dimension(
        key="responsiveness",
        title="Quiet or conversational",
        client_question="How much should your therapist talk during a session?",
        client_low="Mostly listens closely and leaves me room to talk",
        client_high="Talks with me throughout, with questions and reactions",
        example_low="Long stretches where you talk and they listen closely, with few interruptions.",
        example_high="A back-and-forth conversation, with questions, reflections and reactions.",
        therapist_low="listen closely and leave clients room to talk",
        therapist_high="talk with clients throughout, with questions, reflections and reactions",
        short_low="quiet",
        short_high="conversational",
    ),
    Dimension(
        key="approach",
        title="Coping skills or old patterns",
        client_question="What would you like the work to focus on?",
        client_low="Practical coping skills for here and now",
        client_high="A deep dive into old patterns and where they come from",
        example_low="Trying a breathing technique for panic, then checking next week how it went.",
        example_high="Exploring how the way your family handled conflict still shapes you today.",
        therapist_low="teach practical coping skills for the here and now",
        therapist_high="explore old patterns in depth and where they come from",
        short_low="skills-focused",
        short_high="depth-focused",
    ),
    Dimension(
        key="structure",
        title="Open or structured",
        client_question="Who should lead the sessions?",
        client_low="I set the direction; open-ended sessions",
        client_high="The therapist leads, with a plan, exercises, homework",
        example_low="Each session starts with whatever is on your mind that day.",
        example_high="Sessions follow a plan, with a worksheet to try before next time.",
        therapist_low="let the client set the direction in open-ended sessions",
        therapist_high="lead with a plan, exercises and homework",
        short_low="open-ended",
        short_high="structured",
    ),
    Dimension(
        key="challenge",
        title="Support or challenge",
        client_question="How much should your therapist push you?",
        client_low="Warm, steady encouragement",
        client_high="Challenges me and asks me to try what feels hard",
        example_low="They reassure you that you are doing your best and steady you when it is hard.",
        example_high="They ask you to try the thing you have been avoiding, and hold you to it.",
        therapist_low="offer warm, steady encouragement",
        therapist_high="challenge clients and ask them to try what feels hard",
        short_low="supportive",
        short_high="challenging",
    ),
    Dimension(
        key="intensity",
        title="Calm or emotionally intense",
        client_question="How much should sessions go into strong feelings?",
        client_low="Calm and reflective",
        client_high="Helps me go into my strong feelings and express them",
        example_low="A steady, thoughtful pace; you talk about feelings more than feel them in the room.",
        example_high="Room for tears or anger in the session, with the therapist staying right there with you.",
        therapist_low="keep sessions calm and reflective",
        therapist_high="help clients go into their strong feelings and express them in the session",
        short_low="calm",
        short_high="intense",
    ),
)

DIMENSION_KEYS: tuple[str, ...] = tuple(d.key for d in DIMENSIONS)
BY_KEY: dict[str, Dimension] = {d.key: d for d in DIMENSIONS}


def get(key: str) -> Dimension:
    return BY_KEY[key]
