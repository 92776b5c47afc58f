"""Forms about people: profiles, invitations and sign-up."""

from __future__ import annotations

from typing import Any

from django import forms

from agora.people.models import Department, User


class ProfileForm(forms.Form):
    display_name = forms.CharField(max_length=100, label="Name")
    job_title = forms.CharField(max_length=100, required=False, label="Job title")
    department = forms.ModelChoiceField(
        queryset=Department.objects.all(), required=False, label="Department"
    )
    location = forms.CharField(max_length=100, required=False, label="Location")
    skills = forms.CharField(
        max_length=500,
        required=False,
        label="Skills",
        help_text="Separate skills with commas, e.g. Kubernetes, pricing, GDPR",
    )
    bio = forms.CharField(
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}), label="About you"
    )
    avatar = forms.FileField(required=False, label="Photo")

    def skill_names(self) -> list[str]:
        return [s for s in self.cleaned_data["skills"].split(",") if s.strip()]

    @classmethod
    def for_user(cls, user: User, data: Any = None, files: Any = None) -> ProfileForm:
        initial = {
            "display_name": user.display_name,
            "job_title": user.job_title,
            "department": user.department_id,
            "location": user.location,
            "bio": user.bio,
            "skills": ", ".join(s.name for s in user.skills.all()),
        }
        return cls(data, files, initial=initial)


class InviteForm(forms.Form):
    emails = forms.CharField(
        label="Email addresses",
        help_text="One per line, or separated by commas.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def addresses(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", "\n").split()
        return list(dict.fromkeys(a.strip() for a in raw if a.strip()))


class AcceptInvitationForm(forms.Form):
    display_name = forms.CharField(max_length=100, label="Your name")
    password = forms.CharField(widget=forms.PasswordInput, label="Choose a password")
    password_again = forms.CharField(widget=forms.PasswordInput, label="Password again")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") != data.get("password_again"):
            self.add_error("password_again", "The two passwords differ.")
        return data


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form (wired by ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(max_length=100, label="Your name")

    def signup(self, request: Any, user: User) -> None:
        """allauth calls this after the account is saved; the adapter set the name already."""
