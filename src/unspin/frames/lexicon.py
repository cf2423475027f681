"""Word lists shared by the frame reader and the features that use it."""

from __future__ import annotations

__all__ = ["PEOPLE_NOUNS", "REPORTING"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs that report what someone said (lemmas; "told" as spaCy sometimes leaves it).
REPORTING = frozenset(
    [
        "say",
        "tell",
        "state",
        "report",
        "announce",
        "confirm",
        "claim",
        "add",
        "note",
        "explain",
        "write",
        "declare",
        "insist",
        "deny",
        "admit",
        "estimate",
        "reveal",
        "disclose",
        "publish",
        "predict",
        "warn",
        "testify",
        "acknowledge",
        "allege",
        "assert",
        "argue",
        "stress",
        "told",
    ]
)

#: Nouns of people: what a count of them counts ("12 miners" counts people), and the head
#: an apposed age follows ("a miner, 34,").
PEOPLE_NOUNS = _words(
    """
    people person persons man men woman women child children resident residents civilian
    civilians protester protesters demonstrator demonstrators worker workers student
    students soldier soldiers officer officers passenger passengers migrant migrants
    refugee refugees patient patients voter voters member members fan fans employee
    employees citizen citizens victim victims suspect suspects teenager teenagers adult
    adults pupil pupils troops police journalist journalists doctor doctors nurse nurses
    prisoner prisoners inmate inmates tourist tourists visitor visitors spectator
    spectators participant participants staff individual individuals family families
    miner miners climber climbers cyclist cyclists pedestrian pedestrians driver drivers
    hiker hikers farmer farmers pilot pilots firefighter firefighters rescuer rescuers
    swimmer swimmers runner runners player players athlete athletes fisherman fishermen
    sailor sailors crew commuter commuters shopper shoppers teacher teachers guard guards
    militant militants rebel rebels gunman gunmen attacker attackers hostage hostages
    detainee detainees survivor survivors casualty casualties other others
    """
)
