"""The comment form's fields as HTML, written in Python.

Django renders each field through half a dozen small templates (the field
group, its label, its errors, the widget and the widget's attributes); for
the comment form under every post that was a tenth of the page's time.
``field_group`` and ``widget`` write exactly what ``as_field_group`` and
``str(bound_field)`` write, for the widgets the form uses (inputs and a
textarea), taking the attributes from Django's own ``build_widget_attrs``
and ``get_context``; any other widget is left to Django.
``tests/comments/test_field_html.py`` holds them to Django's output.
"""

from django.forms.widgets import Input, Textarea
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString


def _attrs(attrs):
    """`` name="value"`` for each attribute; True stands alone and False is left out (attrs.html)."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    return "".join(parts)


def widget(bound_field):
    """``str(bound_field)``: the field's widget with its attributes and value."""
    field_widget = bound_field.field.widget
    if not isinstance(field_widget, Input | Textarea):
        return bound_field.as_widget()
    attrs = bound_field.build_widget_attrs({})
    if bound_field.auto_id and "id" not in field_widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    context = field_widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]
    name, attributes = escape(context["name"]), _attrs(context["attrs"])
    if isinstance(field_widget, Textarea):
        value = escape(context["value"]) if context["value"] else ""
        return SafeString(f'<textarea name="{name}"{attributes}>\n{value}</textarea>')
    value = "" if context["value"] is None else f' value="{escape(context["value"])}"'
    return SafeString(f'<input type="{escape(context["type"])}" name="{name}"{value}{attributes}>')


def label(bound_field):
    """``bound_field.label_tag()`` for a form without a label suffix or a required-field class."""
    form, field_widget = bound_field.form, bound_field.field.widget
    id_ = field_widget.attrs.get("id") or bound_field.auto_id
    if (
        form.label_suffix
        or bound_field.field.label_suffix
        or getattr(form, "required_css_class", None)
        or not id_
    ):
        return bound_field.label_tag()
    for_id = field_widget.id_for_label(id_)
    for_attr = f' for="{escape(for_id)}"' if for_id else ""
    return SafeString(f"<label{for_attr}>{conditional_escape(bound_field.label)}</label>")


def field_group(bound_field):
    """``bound_field.as_field_group()``: label, help text, errors and widget (not for fieldset widgets)."""
    if bound_field.use_fieldset:
        return bound_field.as_field_group()
    label_html = label(bound_field) if bound_field.label else ""
    help_text = ""
    if bound_field.help_text:
        help_id = f' id="{bound_field.auto_id}_helptext"' if bound_field.auto_id else ""
        help_text = format_html(
            '<div class="helptext"{}>{}</div>', SafeString(help_id), SafeString(bound_field.help_text)
        )
    errors = ""
    if bound_field.errors:
        error_id = f' id="{bound_field.auto_id}_error"' if bound_field.auto_id else ""
        items = "".join(f"<li>{conditional_escape(error)}</li>" for error in bound_field.errors)
        errors = f'<ul class="{bound_field.errors.error_class}"{error_id}>{items}</ul>'
    return SafeString(f"{label_html}\n\n{help_text}\n{errors}\n{widget(bound_field)}".strip())
