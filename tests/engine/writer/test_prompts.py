"""What the model is told: the rules, the credits and the numbered plot, once."""

from plotguide.engine.writer.prompts import RULES, complaint, system_message
from tests.engine.plots import HARBOR


def test_the_system_message_numbers_the_plot_and_names_who_plays_whom(harbor):
    message = system_message(HARBOR, harbor)
    assert message["role"] == "system"
    text = message["content"]
    assert text.startswith(RULES)
    assert f"Film: {HARBOR.title}" in text
    credit = HARBOR.cast[0]
    assert f"{credit.character} (played by {credit.actor})" in text
    assert f"[0] {harbor.sentences[0].text}" in text
    last = harbor.sentences[-1]
    assert text.endswith(f"[{last.id}] {last.text}")


def test_a_complaint_lists_at_most_twelve_problems_and_asks_again():
    text = complaint([f"problem {n}" for n in range(20)])
    assert "- problem 11" in text and "- problem 12" not in text
    assert text.endswith("cite the sentences that state what you write.")
