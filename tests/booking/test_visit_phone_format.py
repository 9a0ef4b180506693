"""The phone numbers the booking forms accept: Chinese mobiles and landlines with an area
code, written the ways people write them; anything else is refused with an example."""

import pytest
from django.core.exceptions import ValidationError

from booking.visit_forms import PhoneField


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13800000001", "13800000001"),
        ("138 0000 0001", "13800000001"),
        ("+86 139-0000-0002", "13900000002"),
        ("0086 19912345678", "19912345678"),
        ("0571-87654321", "0571-87654321"),
        ("010 62345678", "01062345678"),
        ("0571-87654321-806", "0571-87654321-806"),
    ],
)
def test_mobiles_and_landlines_are_accepted(typed, kept):
    assert PhoneField().clean(typed) == kept


@pytest.mark.parametrize(
    "typed",
    ["12345", "12800000001", "1380000000", "138000000012", "87654321", "0571-0765432", "电话"],
)
def test_anything_else_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as refusal:
        PhoneField().clean(typed)
    assert "0571-12345678" in str(refusal.value)
