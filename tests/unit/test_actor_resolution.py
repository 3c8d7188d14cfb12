"""Resolving an article's actors in one batch (api.db.writes.plan_actors): the same choices
as looking each up after the previous one's names were stored."""

from __future__ import annotations

from api.db.writes import Known, plan_actors
from api.extract.types import ActorKind, ExtractedActor
from api.names import name_key


def actor(
    name: str, kind: ActorKind = "organization", *aliases: str, titles: tuple[str, ...] = ()
) -> ExtractedActor:
    return ExtractedActor(
        key=name, name=name, kind=kind, aliases=list(aliases), titles=list(titles)
    )


def stored(
    actor_id: str, name: str, kind: str, *, curated: bool = False, known_as: tuple[str, ...] = ()
) -> Known:
    return Known(actor_id, name_key(name), kind, curated, {name_key(n) for n in (name, *known_as)})


def test_an_actor_named_earlier_in_the_article_is_found_by_its_alias() -> None:
    plan = plan_actors(
        [actor("Board of Harbour Pilots", "organization", "Pilots Board"), actor("Pilots Board")],
        [],
    )
    assert len(plan.new) == 1 and plan.targets[0] == plan.targets[1]
    assert {a for _, a, _ in plan.aliases} == {"Board of Harbour Pilots", "Pilots Board"}


def test_a_stored_actor_is_found_by_name_and_learns_the_new_names() -> None:
    plan = plan_actors(
        [actor("Orvel Tannick", "person", "O. Tannick", titles=("harbour master",))],
        [stored("act_1", "Orvel Tannick", "person")],
    )
    assert plan.targets == ["act_1"] and plan.new == []
    assert plan.titles == [("act_1", "harbour master")]
    assert ("act_1", "O. Tannick", name_key("O. Tannick")) in plan.aliases


def test_a_curator_decides_and_keeps_the_names_they_left() -> None:
    curated = stored("act_9", "Corven Mill Works", "group", curated=True, known_as=("Corven Mill",))
    plan = plan_actors([actor("Corven Mill", "organization", titles=("owner",))], [curated])
    assert plan.targets == ["act_9"]
    assert plan.aliases == [] and plan.titles == []


def test_a_surname_alone_does_not_merge_two_people() -> None:
    plan = plan_actors(
        [actor("Tannick", "person")],
        [stored("act_1", "Orvel Tannick", "person", known_as=("Tannick",))],
    )
    assert plan.targets != ["act_1"] and len(plan.new) == 1


def test_an_alias_two_actors_share_decides_nothing() -> None:
    plan = plan_actors(
        [actor("River Authority")],
        [
            stored("act_1", "North River Authority", "organization", known_as=("River Authority",)),
            stored("act_2", "South River Authority", "organization", known_as=("River Authority",)),
        ],
    )
    assert len(plan.new) == 1


def test_another_kind_is_another_actor_unless_curated() -> None:
    plan = plan_actors([actor("Pellam", "state")], [stored("act_1", "Pellam", "person")])
    assert len(plan.new) == 1
