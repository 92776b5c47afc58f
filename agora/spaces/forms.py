"""Forms for creating and managing spaces."""

from __future__ import annotations

from django import forms

from agora.spaces.models import POSTING_HELP, VISIBILITY_HELP, Kind, Posting, Role, Visibility


class SpaceForm(forms.Form):
    name = forms.CharField(max_length=80, label="Name")
    description = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What is it for?",
    )
    kind = forms.ChoiceField(choices=Kind.choices, label="Kind")
    visibility = forms.ChoiceField(
        choices=[(v.value, f"{v.label}: {VISIBILITY_HELP[v]}") for v in Visibility],
        widget=forms.RadioSelect,
        initial=Visibility.OPEN,
        label="Who can see it?",
    )
    posting = forms.ChoiceField(
        choices=[(p.value, f"{p.label}: {POSTING_HELP[p]}") for p in Posting],
        widget=forms.RadioSelect,
        initial=Posting.MEMBERS,
        label="Who starts posts?",
    )


class AddMemberForm(forms.Form):
    person = forms.CharField(
        max_length=254,
        label="Add a person",
        widget=forms.TextInput(
            attrs={"placeholder": "Name, @handle or email", "list": "people-suggestions"}
        ),
    )
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER, label="Role")


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        required=False,
        max_length=500,
        label="Why would you like to join? (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
