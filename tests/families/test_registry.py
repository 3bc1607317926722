from features import column_names, families


def test_families_are_discovered_sorted_with_unique_columns():
    found = families()
    names = [f.name for f in found]
    assert names == sorted(names)
    assert {
        "captions",
        "navigation",
        "off_topic",
        "opinion",
        "layout",
        "boilerplate",
        "metadata",
        "comments",
        "dom",
    } <= set(names)
    columns = column_names(found)
    assert len(columns) == len(set(columns))
