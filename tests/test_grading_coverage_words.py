"""How coverage reads an answer's words: misspellings, compounds split in two, synonyms."""

from __future__ import annotations

from mock_interview.domain.grading import coverage as cov


def _read(point: str, answer: str, question: str = "Explain it.") -> cov.PointCoverage:
    reference = cov.prepare_reference(question, (point,))
    terms = cov.answer_terms(answer, reference.question_stems)
    return cov.point_coverage(reference.points[0], terms)


def _coverage(point: str, answer: str) -> float:
    return _read(point, answer).coverage


def _matched(point: str, answer: str) -> set[str]:
    return set(_read(point, answer).matched)


def test_a_longer_word_with_a_typing_slip_still_counts() -> None:
    # letters swapped, dropped or doubled in words whose trigrams mostly differ
    assert "refer" in _matched("Pass the buffer by reference.", "pass the buffer by refrenece")
    assert "compil" in _matched("The compiler inlines it.", "the complier inlines it")
    assert "paramet" in _matched("Validate every parameter.", "validate every paramater")


def test_a_different_word_one_letter_away_is_not_a_slip() -> None:
    # a short word, or one letter changed in a mid-length word, is another word, not a typo
    assert "count" not in _matched("Count the rows.", "court the rows")
    assert "insert" not in _matched("Insert the node.", "invert the node")
    assert "insert" in _matched("Insert the node.", "isnert the node")
    assert cov._edits("statement", "settlement", 2) == 3


def test_a_compound_written_as_two_words_matches_its_one_word_form() -> None:
    point = "Visit the left subtree before the root."
    assert _coverage(point, "visit the left sub-tree before the root") == 1.0
    assert _coverage(point, "visit the left sub tree before the root") == 1.0
    assert _coverage(point, "visit the left tree before the root") < 1.0


def test_queue_and_conversion_words_in_other_words() -> None:
    assert _coverage("Add the job to the queue.", "enqueue the job") > 0.5
    assert _coverage("Remove the oldest job.", "dequeue the oldest job") > 0.5
    assert _coverage("Convert the expression to postfix.",
                     "transform the expression into postfix") > 0.9
    assert _coverage("It holds a memory address.", "it holds a memory location") > 0.9


def test_a_several_word_synonym_counts_in_the_answer_and_in_the_point() -> None:
    # the shipped lexicon groups "latency" with "response time"
    assert "latenc" in _matched("Cache reads to cut latency.", "cache reads so the response time drops")
    assert {"respons", "time"} <= _matched("Cache reads to cut the response time.",
                                         "cache reads to cut latency")
    # the words apart, or in the other order, are not the phrase
    assert "latenc" not in _matched("Cache reads to cut latency.",
                                    "the response was slow the first time")


def test_a_phrase_made_of_the_question_words_earns_nothing() -> None:
    reference = cov.prepare_reference("How do you bring the response time down?",
                                      ("Cache reads to cut latency.",))
    terms = cov.answer_terms("lower the response time", reference.question_stems)
    assert "latenc" not in cov.point_coverage(reference.points[0], terms).matched


def test_a_noun_made_from_a_verb_counts_as_the_verb() -> None:
    # the stemmer leaves "verification" and "verify" apart; the lexicon joins them
    assert "verifi" in _matched("Verify the fix over the next month.",
                                "verification of the fix over the next month")
    assert "explain" in _matched("Explain the change to the client.",
                                 "an explanation of the change to the client")
