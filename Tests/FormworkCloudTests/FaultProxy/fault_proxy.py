#!/usr/bin/env python3
"""A fault-injecting HTTP proxy in front of a moto server, for Formwork's tests (issue #26, part 5).

moto is lenient next to real AWS: it executes change sets synchronously, never rolls back, accepts a change
set executed twice and writes no per-resource events. This proxy forwards every request to moto byte for
byte (method, path, every header in order -- Host included, so SigV4 signatures still verify there -- and the
body as received) and, as the tests tell it through a control API, answers the way real AWS does:

* faults by rule: throttling, 5xx, an answer dropped after the request took effect, a slow or stalled body,
  a hostile redirect, an endless body, a delay, any error;
* CloudFormation behaviour moto lacks: stale DescribeStacks after a mutation, asynchronous execution with
  per-resource events, a resource that fails (rollback, optionally a failed rollback), a change set executed
  twice, ClientRequestToken idempotency, termination protection, ContinueUpdateRollback.

Standard library only. Usage:

    python3 fault_proxy.py --upstream http://127.0.0.1:PORT [--port 0] [--host 127.0.0.1] [--parent-pid PID]

The first line on stdout is the port the proxy listens on. It exits when its parent process is gone (or the
process --parent-pid names). The control API lives under /__fault__/ (see README.md).
"""

import argparse
import fnmatch
import http.client
import http.server
import json
import os
import random
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid
from xml.sax.saxutils import escape

CONTROL_PREFIX = "/__fault__/"

CFN_NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
NAMESPACES = {
    "cloudformation": CFN_NAMESPACE,
    "sts": "https://sts.amazonaws.com/doc/2011-06-15/",
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
}

# Calls that change a stack; the log says whether each carried a ClientRequestToken (ClientToken for
# CreateChangeSet, which has no ClientRequestToken).
MUTATING_ACTIONS = {"CreateChangeSet", "ExecuteChangeSet", "CreateStack", "UpdateStack", "DeleteStack",
                    "ContinueUpdateRollback", "RollbackStack"}
# Calls answered again, without forwarding, when they repeat the token of an earlier successful call.
IDEMPOTENT_ACTIONS = {"ExecuteChangeSet", "DeleteStack", "CreateStack", "UpdateStack", "ContinueUpdateRollback",
                      "RollbackStack"}

# Statuses from which only DeleteStack (or ContinueUpdateRollback) helps: an update is refused.
NOT_UPDATABLE = {"ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED", "DELETE_FAILED"}

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "trailer", "upgrade"}


def now_iso(t=None):
    t = time.time() if t is None else t
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % int((t % 1) * 1000)


def request_id():
    return str(uuid.uuid4())


# --------------------------------------------------------------------------------------------------------
# Templates: the resources of a template, in template order (JSON, or the block YAML CloudFormation takes).
# --------------------------------------------------------------------------------------------------------

def template_resources(body):
    """[(logical id, type)] of a template's Resources, in order; [] when it cannot be read."""
    if not body:
        return []
    try:
        document = json.loads(body)
        resources = document.get("Resources") or {}
        return [(key, str((value or {}).get("Type", "AWS::CloudFormation::CustomResource")))
                for key, value in resources.items()]
    except (ValueError, AttributeError):
        pass
    # Block YAML: the keys one level under a top-level `Resources:`, and each one's `Type:`.
    result, inside, key_indent, current = [], False, None, None
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0:
            inside = stripped.startswith("Resources:")
            key_indent, current = None, None
            continue
        if not inside:
            continue
        if key_indent is None:
            key_indent = indent
        if indent == key_indent and stripped.endswith(":"):
            current = stripped[:-1].strip().strip("'\"")
            result.append([current, "AWS::CloudFormation::CustomResource"])
        elif indent > key_indent and current and stripped.startswith("Type:"):
            result[-1][1] = stripped[5:].strip().strip("'\"")
    return [tuple(item) for item in result]


def template_properties(body):
    """{logical id: canonical JSON of the resource} for diffing two JSON templates; None for YAML."""
    try:
        resources = json.loads(body).get("Resources") or {}
        return {key: json.dumps(value, sort_keys=True) for key, value in resources.items()}
    except (ValueError, AttributeError, TypeError):
        return None


# --------------------------------------------------------------------------------------------------------
# XML helpers: text-level rewriting keeps moto's answer as it is apart from the fields changed.
# --------------------------------------------------------------------------------------------------------

def xml_value(text, tag):
    match = re.search(r"<%s>(.*?)</%s>" % (tag, tag), text, re.S)
    if not match:
        return None
    return match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
        .replace("&apos;", "'").replace("&amp;", "&")


def set_xml_value(member, tag, value):
    """`member` with `<tag>` set to `value` (added before `</member>`'s end when missing); None removes it."""
    pattern = re.compile(r"<%s>.*?</%s>|<%s\s*/>" % (tag, tag, tag), re.S)
    if value is None:
        return pattern.sub("", member, count=1)
    element = "<%s>%s</%s>" % (tag, escape(value), tag)
    if pattern.search(member):
        return pattern.sub(lambda _: element, member, count=1)
    cut = member.rfind("</member>")
    return member[:cut] + element + member[cut:]


def top_members(text, container):
    """(start, end) spans of the `<member>` elements directly inside `<container>`."""
    start = text.find("<%s>" % container)
    if start < 0:
        return []
    spans, depth, position, opened = [], 0, start, None
    token = re.compile(r"<(/?)(member|%s)(\s*/?)>" % container)
    for match in token.finditer(text, start):
        closing, name, self_closing = match.group(1), match.group(2), match.group(3).strip() == "/"
        if name == container:
            if closing:
                break
            continue
        if self_closing:
            continue
        if not closing:
            depth += 1
            if depth == 1:
                opened = match.start()
        else:
            depth -= 1
            if depth == 0 and opened is not None:
                spans.append((opened, match.end()))
                opened = None
    return spans


def rewrite_members(text, container, rewrite):
    """`text` with each top-level member of `container` replaced by rewrite(member) (None drops it)."""
    spans = top_members(text, container)
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        replaced = rewrite(text[start:end])
        if replaced is not None:
            out.append(replaced)
        last = end
    out.append(text[last:])
    return "".join(out)


def query_error_body(service, code, message, sender=True):
    namespace = NAMESPACES.get(service, CFN_NAMESPACE)
    return ('<ErrorResponse xmlns="%s"><Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>'
            '<RequestId>%s</RequestId></ErrorResponse>' % (namespace, "Sender" if sender else "Receiver",
                                                            escape(code), escape(message), request_id()))


def s3_error_body(code, message):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code><Message>%s</Message>'
            '<RequestId>%s</RequestId><HostId>%s</HostId></Error>'
            % (escape(code), escape(message), uuid.uuid4().hex[:16].upper(), uuid.uuid4().hex))


def cfn_result(action, inner=""):
    result = "<%sResult>%s</%sResult>" % (action, inner, action) if inner is not None else ""
    return ('<%sResponse xmlns="%s">%s<ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>'
            '</%sResponse>' % (action, CFN_NAMESPACE, result, request_id(), action))


class Answer:
    """An HTTP answer the proxy sends: status, headers (list of pairs), body bytes."""

    def __init__(self, status, body=b"", headers=None, reason=None):
        self.status = status
        self.body = body.encode() if isinstance(body, str) else body
        self.headers = headers if headers is not None else [("Content-Type", "text/xml")]
        self.reason = reason

    @staticmethod
    def xml(status, text):
        return Answer(status, text, [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id())])


def cfn_error(code, message, status=400):
    return Answer.xml(status, query_error_body("cloudformation", code, message))


# --------------------------------------------------------------------------------------------------------
# Fault rules
# --------------------------------------------------------------------------------------------------------

PRE_FAULTS = {"throttle", "internal_error", "unavailable", "error", "redirect", "endless_body", "drop_before"}
POST_FAULTS = {"drop_after", "error_after", "slow_body"}
ALL_FAULTS = PRE_FAULTS | POST_FAULTS | {"delay"}


class Rule:
    def __init__(self, spec, number, seed):
        if spec.get("fault") not in ALL_FAULTS:
            raise ValueError("unknown fault %r; one of %s" % (spec.get("fault"), ", ".join(sorted(ALL_FAULTS))))
        self.spec = dict(spec)
        self.id = spec.get("id") or "rule-%d" % number
        self.fault = spec["fault"]
        actions = spec.get("action")
        self.actions = None if actions is None else set([actions] if isinstance(actions, str) else actions)
        self.service = spec.get("service")
        self.method = spec.get("method")
        self.path = re.compile(spec["path"]) if spec.get("path") else None
        self.stack = spec.get("stack")
        self.count = spec.get("count")
        self.skip = int(spec.get("skip", 0))
        self.probability = spec.get("probability")
        self.random = random.Random(spec.get("seed", seed))
        self.matched = 0
        self.fired = 0

    def matches(self, request):
        if self.actions is not None and request.action not in self.actions:
            return False
        if self.service is not None and request.service != self.service:
            return False
        if self.method is not None and request.method.upper() != self.method.upper():
            return False
        if self.path is not None and not self.path.search(request.path_only):
            return False
        if self.stack is not None and not fnmatch.fnmatchcase(request.stack_name or "", self.stack):
            return False
        return True

    def fires(self):
        """Counts a match and says whether the fault applies to it."""
        self.matched += 1
        if self.matched <= self.skip:
            return False
        if self.count is not None and self.fired >= int(self.count):
            return False
        if self.probability is not None and self.random.random() >= float(self.probability):
            return False
        self.fired += 1
        return True

    def describe(self):
        return dict(self.spec, id=self.id, matched=self.matched, fired=self.fired)


# --------------------------------------------------------------------------------------------------------
# The CloudFormation model
# --------------------------------------------------------------------------------------------------------

class Operation:
    """One stack operation the proxy plays out: events revealed poll by poll, then a final status."""

    def __init__(self, kind, events, previous_status, stale_reads, in_progress_polls, final_override):
        self.kind = kind                      # create | update | delete | continue | rollback
        self.events = events                  # event dicts, oldest first, without timestamps
        self.revealed = 0
        self.previous_status = previous_status  # None: the stack did not exist before
        self.stale_left = int(stale_reads)
        self.progress_total = int(in_progress_polls)
        self.progress_done = 0
        self.final_override = final_override  # (status, reason) the proxy answers at the end, or None
        self.finished = False


class StackModel:
    def __init__(self, name, stack_id):
        self.name = name
        self.stack_id = stack_id
        self.template_body = None          # the template the stack holds now
        self.rolled_back_template = None   # the template GetTemplate answers after a rolled-back update
        self.last_status = None
        self.override = None               # (status, reason) that sticks after a failure until the next operation
        self.protection = None             # None: as moto says
        self.member_xml = None             # moto's last DescribeStacks member, to answer when moto no longer can
        self.history = []                  # revealed events, oldest first
        self.op = None
        self.ghost = False                 # deleted at moto, but DELETE_FAILED here
        self.deleted = False
        self.failed_resources = []         # resources whose rollback failed (ContinueUpdateRollback)
        self.paused = None                 # what RollbackStack undoes after a failure with rollback disabled
        self.added_in_failed_update = []

    def busy(self):
        """Whether an operation is under way: its last event is not out yet."""
        return self.op is not None and not self.op.finished and self.op.revealed < len(self.op.events)

    def current_status(self):
        if self.op and not self.op.finished:
            return self.op_status()
        if self.override:
            return self.override[0]
        return self.last_status

    def op_status(self):
        for event in reversed(self.op.events[:self.op.revealed]):
            if event["type"] == "AWS::CloudFormation::Stack":
                return event["status"]
        return self.op.previous_status


class Model:
    def __init__(self):
        self.stacks = {}        # name -> StackModel
        self.ids = {}           # stack id -> StackModel
        self.change_sets = {}   # change set ARN and (stack name, change set name) -> dict
        self.tokens = {}        # (action, token) -> Answer of the first successful call
        self.s3_objects = {}    # "bucket/key" -> body, for TemplateURL
        self.settings = {}      # stack name pattern -> settings
        self.fail_counts = {}   # stack name -> operations failed by injection
        self.last_event_time = 0.0

    def stack(self, name_or_id):
        if not name_or_id:
            return None
        model = self.ids.get(name_or_id) or self.stacks.get(name_or_id)
        if model is None and name_or_id.startswith("arn:"):
            parts = name_or_id.split(":stack/")
            if len(parts) == 2:
                candidate = self.stacks.get(parts[1].split("/")[0])
                if candidate is not None and candidate.stack_id == name_or_id:
                    model = candidate
        return model

    def settings_for(self, name):
        if name in self.settings:
            return self.settings[name]
        for pattern, value in self.settings.items():
            if fnmatch.fnmatchcase(name or "", pattern):
                return value
        return None

    def new_stack(self, name, stack_id):
        model = StackModel(name, stack_id)
        self.stacks[name] = model
        if stack_id:
            self.ids[stack_id] = model
        return model

    def stamp(self):
        """A timestamp after every earlier one: events come out in order even within one millisecond."""
        moment = max(time.time(), self.last_event_time + 0.001)
        self.last_event_time = moment
        return now_iso(moment)


def stack_parameters(params):
    """The Parameters.member.N of a request: key → value, or "(previous)" for UsePreviousValue."""
    values = {}
    index = 1
    while f"Parameters.member.{index}.ParameterKey" in params:
        prefix = f"Parameters.member.{index}."
        if params.get(prefix + "UsePreviousValue", "").lower() == "true":
            values[params[prefix + "ParameterKey"]] = "(previous)"
        else:
            values[params[prefix + "ParameterKey"]] = params.get(prefix + "ParameterValue")
        index += 1
    return values


def event(model, logical_id, resource_type, status, reason=None, physical=None):
    return {"logical_id": logical_id, "type": resource_type, "status": status, "reason": reason,
            "physical": physical}


def stack_event(model, status, reason=None):
    return event(model, model.name, "AWS::CloudFormation::Stack", status, reason, model.stack_id)


def physical_id(model, logical_id):
    return "%s-%s-%s" % (model.name, logical_id, uuid.uuid5(uuid.NAMESPACE_URL, model.stack_id or model.name).hex[:12].upper())


def resource_events(model, logical_id, resource_type, verb, outcome="COMPLETE", reason=None):
    """The events of one resource: CREATE gets CloudFormation's two IN_PROGRESS events."""
    physical = physical_id(model, logical_id)
    events = [event(model, logical_id, resource_type, verb + "_IN_PROGRESS",
                    physical=None if verb == "CREATE" else physical)]
    if verb == "CREATE":
        events.append(event(model, logical_id, resource_type, "CREATE_IN_PROGRESS", "Resource creation Initiated",
                            physical))
    events.append(event(model, logical_id, resource_type, "%s_%s" % (verb, outcome), reason,
                        physical if outcome == "COMPLETE" else (physical if verb != "CREATE" else None)))
    return events


def failure_reason(fail, logical_id):
    return fail.get("reason") or ("Resource handler returned message: \"Injected failure of %s by the fault proxy\" "
                                  "(HandlerErrorCode: GeneralServiceException)" % logical_id)


def plan_create(model, resources, fail, disable_rollback=False):
    events = [stack_event(model, "CREATE_IN_PROGRESS", "User Initiated")]
    failing = fail.get("logical_id") if fail else None
    created = []
    for logical_id, resource_type in resources:
        if logical_id == failing:
            events += resource_events(model, logical_id, resource_type, "CREATE", "FAILED",
                                      failure_reason(fail, logical_id))
            if disable_rollback:
                # Rollback disabled: the stack stops where it failed, keeping what was created.
                reason = "The following resource(s) failed to create: [%s]. " % logical_id
                events.append(stack_event(model, "CREATE_FAILED", reason))
                model.paused = {"kind": "create", "undo": [], "created": created + [(logical_id, resource_type)]}
                return events, ("CREATE_FAILED", reason)
            events.append(stack_event(model, "ROLLBACK_IN_PROGRESS",
                                      "The following resource(s) failed to create: [%s]. Rollback requested by user."
                                      % logical_id))
            stuck = fail.get("rollback_fail_logical_id") or logical_id
            rollback_failed = False
            for done_id, done_type in [(logical_id, resource_type)] + list(reversed(created)):
                if fail.get("rollback_fails") and done_id == stuck:
                    events.append(event(model, done_id, done_type, "DELETE_IN_PROGRESS"))
                    events.append(event(model, done_id, done_type, "DELETE_FAILED",
                                        fail.get("rollback_fail_reason") or "Injected rollback failure of %s" % done_id))
                    rollback_failed = True
                else:
                    events += resource_events(model, done_id, done_type, "DELETE")
            if rollback_failed:
                reason = "The following resource(s) failed to delete: [%s]. " % stuck
                events.append(stack_event(model, "ROLLBACK_FAILED", reason))
                return events, ("ROLLBACK_FAILED", reason)
            events.append(stack_event(model, "ROLLBACK_COMPLETE"))
            return events, ("ROLLBACK_COMPLETE", "The following resource(s) failed to create: [%s]. "
                                                 "Rollback requested by user." % logical_id)
        events += resource_events(model, logical_id, resource_type, "CREATE")
        created.append((logical_id, resource_type))
    events.append(stack_event(model, "CREATE_COMPLETE"))
    return events, None


def diff_templates(old_body, new_body):
    """(added, modified, removed) resource lists between two templates, each [(logical id, type)]."""
    new = template_resources(new_body)
    if old_body is None:
        return [], new, []
    old = template_resources(old_body)
    old_ids = {key for key, _ in old}
    new_ids = {key for key, _ in new}
    old_props, new_props = template_properties(old_body), template_properties(new_body)
    added = [item for item in new if item[0] not in old_ids]
    if old_props is not None and new_props is not None:
        modified = [item for item in new if item[0] in old_ids and old_props.get(item[0]) != new_props.get(item[0])]
    else:
        modified = [item for item in new if item[0] in old_ids]
    removed = [item for item in old if item[0] not in new_ids]
    return added, modified, removed


def plan_update(model, old_body, new_body, fail, disable_rollback=False):
    added, modified, removed = diff_templates(old_body, new_body)
    events = [stack_event(model, "UPDATE_IN_PROGRESS", "User Initiated")]
    failing = fail.get("logical_id") if fail else None
    order = [key for key, _ in template_resources(new_body)]
    changed = [(item, "CREATE") for item in added] + [(item, "UPDATE") for item in modified]
    changed.sort(key=lambda pair: order.index(pair[0][0]))
    done = []
    for (logical_id, resource_type), verb in changed:
        if logical_id == failing:
            events += resource_events(model, logical_id, resource_type, verb, "FAILED", failure_reason(fail, logical_id))
            if disable_rollback:
                # Rollback disabled: the stack stops in UPDATE_FAILED with its resources as they are.
                reason = "The following resource(s) failed to %s: [%s]. " % (
                    "create" if verb == "CREATE" else "update", logical_id)
                events.append(stack_event(model, "UPDATE_FAILED", reason))
                everything = done + [((logical_id, resource_type), verb)]
                model.paused = {"kind": "update", "undo": [item for item, v in reversed(everything) if v == "UPDATE"],
                                "created": [item for item, v in everything if v == "CREATE"], "old_body": old_body}
                return events, ("UPDATE_FAILED", reason)
            events.append(stack_event(model, "UPDATE_ROLLBACK_IN_PROGRESS",
                                      "The following resource(s) failed to %s: [%s]. "
                                      % ("create" if verb == "CREATE" else "update", logical_id)))
            stuck = fail.get("rollback_fail_logical_id") or logical_id
            undo = [(item, v) for item, v in reversed(done + [((logical_id, resource_type), verb)]) if v == "UPDATE"]
            created = [item for item, v in done + [((logical_id, resource_type), verb)] if v == "CREATE"]
            model.added_in_failed_update = created
            for (undo_id, undo_type), _ in undo:
                if fail.get("rollback_fails") and undo_id == stuck:
                    events.append(event(model, undo_id, undo_type, "UPDATE_IN_PROGRESS"))
                    reason = fail.get("rollback_fail_reason") or "Injected rollback failure of %s" % undo_id
                    events.append(event(model, undo_id, undo_type, "UPDATE_FAILED", reason))
                    final = "The following resource(s) failed to update: [%s]. " % undo_id
                    events.append(stack_event(model, "UPDATE_ROLLBACK_FAILED", final))
                    model.failed_resources = [(undo_id, undo_type)]
                    return events, ("UPDATE_ROLLBACK_FAILED", final)
                events += resource_events(model, undo_id, undo_type, "UPDATE")
            if fail.get("rollback_fails") and not undo:
                # Nothing to undo but the failed creation: its deletion fails instead.
                stuck_type = dict(created).get(stuck, resource_type)
                events.append(event(model, stuck, stuck_type, "UPDATE_FAILED",
                                    fail.get("rollback_fail_reason") or "Injected rollback failure of %s" % stuck))
                final = "The following resource(s) failed to update: [%s]. " % stuck
                events.append(stack_event(model, "UPDATE_ROLLBACK_FAILED", final))
                model.failed_resources = [(stuck, stuck_type)]
                return events, ("UPDATE_ROLLBACK_FAILED", final)
            events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
            for created_id, created_type in reversed(created):
                events += resource_events(model, created_id, created_type, "DELETE")
            events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE"))
            return events, ("UPDATE_ROLLBACK_COMPLETE", None)
        events += resource_events(model, logical_id, resource_type, verb)
        done.append(((logical_id, resource_type), verb))
    events.append(stack_event(model, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"))
    for logical_id, resource_type in reversed(removed):
        events += resource_events(model, logical_id, resource_type, "DELETE")
    events.append(stack_event(model, "UPDATE_COMPLETE"))
    return events, None


def plan_delete(model, fail, retained, nothing_left=False):
    events = [stack_event(model, "DELETE_IN_PROGRESS", "User Initiated")]
    failing = fail.get("logical_id") if fail else None
    for logical_id, resource_type in ([] if nothing_left else reversed(template_resources(model.template_body))):
        if logical_id in retained:
            events.append(event(model, logical_id, resource_type, "DELETE_SKIPPED"))
        elif logical_id == failing:
            events += resource_events(model, logical_id, resource_type, "DELETE", "FAILED", failure_reason(fail, logical_id))
            reason = "The following resource(s) failed to delete: [%s]. " % logical_id
            events.append(stack_event(model, "DELETE_FAILED", reason))
            return events, ("DELETE_FAILED", reason)
        else:
            events += resource_events(model, logical_id, resource_type, "DELETE")
    events.append(stack_event(model, "DELETE_COMPLETE"))
    return events, None


def plan_rollback(model):
    """RollbackStack of a stack paused in CREATE_FAILED or UPDATE_FAILED: undo the updates, delete what the
    failed operation created."""
    paused = model.paused or {"kind": "update", "undo": [], "created": []}
    if paused["kind"] == "create":
        events = [stack_event(model, "ROLLBACK_IN_PROGRESS", "User Initiated")]
        for logical_id, resource_type in reversed(paused["created"]):
            events += resource_events(model, logical_id, resource_type, "DELETE")
        events.append(stack_event(model, "ROLLBACK_COMPLETE"))
        return events, ("ROLLBACK_COMPLETE", None)
    events = [stack_event(model, "UPDATE_ROLLBACK_IN_PROGRESS", "User Initiated")]
    for logical_id, resource_type in paused["undo"]:
        events += resource_events(model, logical_id, resource_type, "UPDATE")
    events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
    for logical_id, resource_type in reversed(paused["created"]):
        events += resource_events(model, logical_id, resource_type, "DELETE")
    events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE"))
    return events, ("UPDATE_ROLLBACK_COMPLETE", None)


def plan_continue(model, skipped, fail):
    events = [stack_event(model, "UPDATE_ROLLBACK_IN_PROGRESS", "User Initiated")]
    for logical_id, resource_type in model.failed_resources:
        if logical_id in skipped:
            events.append(event(model, logical_id, resource_type, "UPDATE_COMPLETE",
                                "Resource skipped during UpdateRollback"))
        elif fail and fail.get("continue_fails_unless_skipped"):
            reason = fail.get("rollback_fail_reason") or "Injected rollback failure of %s" % logical_id
            events += resource_events(model, logical_id, resource_type, "UPDATE", "FAILED", reason)
            final = "The following resource(s) failed to update: [%s]. " % logical_id
            events.append(stack_event(model, "UPDATE_ROLLBACK_FAILED", final))
            return events, ("UPDATE_ROLLBACK_FAILED", final)
        else:
            events += resource_events(model, logical_id, resource_type, "UPDATE")
    events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
    for logical_id, resource_type in reversed(model.added_in_failed_update):
        events += resource_events(model, logical_id, resource_type, "DELETE")
    events.append(stack_event(model, "UPDATE_ROLLBACK_COMPLETE"))
    return events, ("UPDATE_ROLLBACK_COMPLETE", None)


# --------------------------------------------------------------------------------------------------------
# The proxy
# --------------------------------------------------------------------------------------------------------

class Request:
    """What the proxy reads of a request: the raw parts it forwards and the parameters it acts on."""

    def __init__(self, handler, body):
        self.method = handler.command
        self.path = handler.path
        parsed = urllib.parse.urlsplit(handler.path)
        self.path_only = parsed.path
        self.headers = handler.headers.items()
        self.body = body
        params = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
        content_type = (handler.headers.get("Content-Type") or "").lower()
        if "x-www-form-urlencoded" in content_type and body and not handler.headers.get("Transfer-Encoding"):
            try:
                for key, values in urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            except UnicodeDecodeError:
                pass
        self.params = {key: values[0] for key, values in params.items()}
        self.action = self.params.get("Action")
        target = handler.headers.get("X-Amz-Target")
        if not self.action and target:
            self.action = target.split(".")[-1]
        authorization = handler.headers.get("Authorization") or ""
        scope = re.search(r"Credential=[^/]+/[^/]+/([^/]+)/([^/,]+)/", authorization)
        if scope:
            self.service = scope.group(2)
        elif self.action:
            version = self.params.get("Version", "")
            self.service = {"2010-05-15": "cloudformation", "2011-06-15": "sts",
                            "2010-05-08": "iam"}.get(version, "query")
        else:
            self.service = "s3"
        self.stack_name = self.params.get("StackName")
        self.query_protocol = self.service != "s3" and not target
        self.forwarded = False

    def list_param(self, name):
        values, index = [], 1
        while "%s.member.%d" % (name, index) in self.params:
            values.append(self.params["%s.member.%d" % (name, index)])
            index += 1
        return values


class FaultProxy:
    def __init__(self, upstream):
        parsed = urllib.parse.urlsplit(upstream)
        self.upstream_host = parsed.hostname
        self.upstream_port = parsed.port or 80
        self.upstream = upstream
        self.lock = threading.RLock()
        self.log_lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.seed = 0
            self.rules = []
            self.rule_number = 0
            self.model = Model()
            with self.log_lock:
                self.log = []
                self.sequence = 0

    # ---- control API ---------------------------------------------------------------------------------

    def add_rules(self, specs):
        ids = []
        for spec in specs:
            self.rule_number += 1
            rule = Rule(spec, self.rule_number, self.seed)
            self.rules.append(rule)
            ids.append(rule.id)
        return ids

    def control(self, method, path, query, body):
        """(status, JSON value) for a control request."""
        route = path[len(CONTROL_PREFIX):].strip("/")
        try:
            document = json.loads(body.decode() or "{}") if body else {}
        except ValueError as error:
            return 400, {"error": "the body is not JSON: %s" % error}
        try:
            with self.lock:
                if route == "health":
                    return 200, {"ok": True, "upstream": self.upstream}
                if route == "reset" and method == "POST":
                    self.reset()
                    return 200, {"ok": True}
                if route == "config" and method == "POST":
                    if document.get("replace", True):
                        self.rules, self.model.settings = [], {}
                    if "seed" in document:
                        self.seed = document["seed"]
                    ids = self.add_rules(document.get("rules", []))
                    self.model.settings.update(document.get("stacks", {}))
                    return 200, {"rules": ids}
                if route == "rules":
                    if method == "POST":
                        specs = document.get("rules", [document] if "fault" in document else [])
                        return 200, {"rules": self.add_rules(specs)}
                    if method == "DELETE":
                        self.rules = []
                        return 200, {"ok": True}
                    return 200, {"rules": [rule.describe() for rule in self.rules]}
                if route == "stacks":
                    if method == "POST":
                        self.model.settings.update(document)
                    elif method == "DELETE":
                        self.model.settings = {}
                    return 200, {"stacks": self.model.settings}
                if route == "log":
                    if method == "DELETE":
                        with self.log_lock:
                            self.log = []
                        return 200, {"ok": True}
                    with self.log_lock:
                        entries = list(self.log)
                    filters = urllib.parse.parse_qs(query)
                    for key in ("action", "stack", "fault", "service", "method"):
                        if key in filters:
                            entries = [entry for entry in entries if entry.get(key) in filters[key]]
                    if "since" in filters:
                        entries = [entry for entry in entries if entry["seq"] > int(filters["since"][0])]
                    return 200, {"log": entries}
                if route == "state":
                    return 200, {"stacks": {name: self.describe_stack(model) for name, model in self.model.stacks.items()}}
                if route == "settle" and method == "POST":
                    names = [document["stack"]] if document.get("stack") else list(self.model.stacks)
                    for name in names:
                        model = self.model.stacks.get(name)
                        if model and model.op:
                            model.op.stale_left = 0
                            self.finish(model)
                    return 200, {"ok": True}
        except (ValueError, KeyError, TypeError, re.error) as error:
            return 400, {"error": str(error)}
        return 404, {"error": "no control route %s %s" % (method, path)}

    def describe_stack(self, model):
        op = model.op
        return {
            "stack_id": model.stack_id, "status": model.current_status(), "last_status": model.last_status,
            "override": model.override, "termination_protection": model.protection, "ghost": model.ghost,
            "deleted": model.deleted, "events": len(model.history),
            "operation": None if op is None else {
                "kind": op.kind, "stale_left": op.stale_left, "progress_done": op.progress_done,
                "progress_total": op.progress_total, "revealed": op.revealed, "events": len(op.events),
                "finished": op.finished, "final_override": op.final_override},
        }

    # ---- rules -----------------------------------------------------------------------------------------

    def pick_rule(self, request):
        with self.lock:
            for rule in self.rules:
                if rule.matches(request) and rule.fires():
                    return rule
        return None

    def fault_answer(self, request, rule):
        """The answer of a fault that stands in for AWS's (before or instead of forwarding)."""
        spec, fault = rule.spec, rule.fault
        if fault == "throttle":
            if request.service == "s3":
                return Answer(503, s3_error_body("SlowDown", "Please reduce your request rate."),
                              [("Content-Type", "application/xml")])
            if request.action is None:
                # REST-JSON (Lambda): 429, the error's type in a header.
                return Answer(429, json.dumps({"Type": "User", "message": "Rate exceeded"}),
                              [("Content-Type", "application/json"), ("x-amzn-ErrorType", "TooManyRequestsException")])
            if not request.query_protocol:
                return Answer(400, json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}),
                              [("Content-Type", "application/x-amz-json-1.1")])
            return Answer.xml(400, query_error_body(request.service, "Throttling", "Rate exceeded"))
        if fault in ("internal_error", "error_after"):
            if request.service == "s3":
                return Answer(500, s3_error_body("InternalError", "We encountered an internal error. Please try again."),
                              [("Content-Type", "application/xml")])
            return Answer.xml(500, query_error_body(
                request.service, "InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure.", sender=False))
        if fault == "unavailable":
            if request.service == "s3":
                return Answer(503, s3_error_body("ServiceUnavailable", "Service is unable to handle request."),
                              [("Content-Type", "application/xml")])
            return Answer.xml(503, query_error_body(
                request.service, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.",
                sender=False))
        if fault == "error":
            status = int(spec.get("status", 400))
            code, message = spec.get("code", "InjectedError"), spec.get("message", "Injected by the fault proxy")
            if request.service == "s3":
                return Answer(status, s3_error_body(code, message), [("Content-Type", "application/xml")])
            return Answer.xml(status, query_error_body(request.service, code, message, sender=status < 500))
        if fault == "redirect":
            location = spec.get("location", "http://fault-proxy-redirect.invalid" + request.path)
            return Answer(int(spec.get("status", 307)), "", [("Location", location), ("Content-Type", "text/plain")])
        return None

    # ---- forwarding -----------------------------------------------------------------------------------

    def forward(self, request):
        """moto's answer to the request exactly as the client sent it."""
        request.forwarded = True
        connection = http.client.HTTPConnection(self.upstream_host, self.upstream_port, timeout=300)
        try:
            connection.putrequest(request.method, request.path, skip_host=True, skip_accept_encoding=True)
            for key, value in request.headers:
                connection.putheader(key, value)
            connection.endheaders()
            if request.body:
                connection.send(request.body)
            response = connection.getresponse()
            body = response.read()
            headers = [(key, value) for key, value in response.getheaders() if key.lower() not in HOP_BY_HOP]
            return Answer(response.status, body, headers, response.reason)
        finally:
            connection.close()

    def answer(self, request, note):
        """The answer to an AWS request, CloudFormation modelled; `note` collects what the model did."""
        if request.service == "s3" and request.method == "PUT" and request.body and len(request.body) < 4 << 20:
            answer = self.forward(request)
            if 200 <= answer.status < 300:
                with self.lock:
                    self.model.s3_objects[urllib.parse.unquote(request.path_only).lstrip("/")] = request.body
            return answer
        if request.service == "cloudformation" and request.query_protocol and request.action:
            with self.lock:
                return self.cloudformation(request, note)
        return self.forward(request)

    # ---- CloudFormation ------------------------------------------------------------------------------

    def template_of(self, request, stack):
        body = request.params.get("TemplateBody")
        if body:
            return body
        url = request.params.get("TemplateURL")
        if url:
            parsed = urllib.parse.urlsplit(url)
            host = parsed.hostname or ""
            path = urllib.parse.unquote(parsed.path).lstrip("/")
            bucket = host.split(".s3")[0] if ".s3" in host and not host.startswith("s3") else None
            key = "%s/%s" % (bucket, path) if bucket else path
            found = self.model.s3_objects.get(key)
            return found.decode("utf-8", "replace") if found is not None else None
        if request.params.get("UsePreviousTemplate") == "true" and stack is not None:
            return stack.template_body
        return None

    def not_updatable(self, model):
        status = model.current_status() if model is not None and not model.deleted else None
        if status is None:
            return None
        if model.busy() or status in NOT_UPDATABLE:
            return status
        return None

    def start(self, model, kind, plan, previous_status, note):
        settings = self.model.settings_for(model.name) or {}
        events, final = plan
        op = Operation(kind, events, previous_status, settings.get("stale_reads", 0),
                       settings.get("in_progress_polls", 0), final)
        model.op = op
        model.override = None
        if final is not None:
            self.model.fail_counts[model.name] = self.model.fail_counts.get(model.name, 0) + 1
        op.revealed = 1 if events else 0
        self.reveal(model)
        if op.progress_total == 0:
            self.finish(model)
        note.append("%s started: %d events, %d stale reads, %d in-progress polls%s"
                    % (kind, len(events), op.stale_left, op.progress_total,
                       ", ends %s" % final[0] if final else ""))

    def reveal(self, model, upto=None):
        op = model.op
        upto = op.revealed if upto is None else upto
        already = getattr(op, "_stamped", 0)
        for item in op.events[already:upto]:
            stamped = dict(item, timestamp=self.model.stamp(), event_id=(
                str(uuid.uuid4()) if item["type"] == "AWS::CloudFormation::Stack" else None))
            if stamped["event_id"] is None:
                stamped["event_id"] = "%s-%s-%s" % (item["logical_id"], item["status"], stamped["timestamp"])
            model.history.append(stamped)
        op._stamped = max(already, upto)
        op.revealed = max(op.revealed, upto)

    def complete_events(self, model):
        self.reveal(model, len(model.op.events))

    def finish(self, model):
        """The operation's end: every event out, the final status in place."""
        op = model.op
        if op is None or op.finished:
            return
        self.complete_events(model)
        op.finished = True
        terminal = op.events[-1]["status"] if op.events else None
        if op.final_override:
            model.override = op.final_override
            model.last_status = op.final_override[0]
        else:
            model.last_status = terminal
        if op.kind == "delete":
            model.ghost = op.final_override is not None
            model.deleted = not model.ghost

    def advance(self, model):
        """One DescribeStacks poll of `model`: ('stale'|'progress'|'final'|'none', status)."""
        op = model.op
        if op is None or op.finished:
            if op is not None and op.stale_left > 0:
                op.stale_left -= 1
                return "stale", op.previous_status
            return "none", model.current_status()
        if op.stale_left > 0:
            op.stale_left -= 1
            return "stale", op.previous_status
        if op.progress_done < op.progress_total:
            op.progress_done += 1
            middle = len(op.events) - 2
            upto = 1 + (max(middle, 0) * op.progress_done) // op.progress_total
            self.reveal(model, min(upto, len(op.events) - 1))
            return "progress", model.op_status()
        self.finish(model)
        return "final", model.current_status()

    def cfn_local(self, request, action, inner=""):
        return Answer.xml(200, cfn_result(action, inner))

    def record_token(self, request, answer):
        token = request.params.get("ClientRequestToken") or request.params.get("ClientToken")
        if token and 200 <= answer.status < 300 and request.action in IDEMPOTENT_ACTIONS:
            self.model.tokens.setdefault((request.action, token), answer)

    def cloudformation(self, request, note):
        action, params = request.action, request.params
        token = params.get("ClientRequestToken") or params.get("ClientToken")
        if token and action in IDEMPOTENT_ACTIONS and (action, token) in self.model.tokens:
            note.append("idempotent replay of an earlier %s with the same ClientRequestToken" % action)
            return self.model.tokens[(action, token)]
        handler = getattr(self, "cfn_" + action, None)
        answer = handler(request, note) if handler else self.forward(request)
        self.record_token(request, answer)
        return answer

    def cfn_CreateChangeSet(self, request, note):
        params = request.params
        name = params.get("StackName")
        model = self.model.stack(name)
        change_set_type = params.get("ChangeSetType", "UPDATE")
        if change_set_type == "UPDATE" and model is not None and not model.ghost:
            blocked = self.not_updatable(model)
            if blocked:
                note.append("rejected: stack in %s" % blocked)
                return cfn_error("ValidationError", "Stack:%s is in %s state and can not be updated."
                                 % (model.stack_id, blocked))
        template = self.template_of(request, model)
        answer = self.forward(request)
        if answer.status != 200:
            return answer
        text = answer.body.decode("utf-8", "replace")
        change_set_id, stack_id = xml_value(text, "Id"), xml_value(text, "StackId")
        if model is None or model.deleted or (stack_id and model.stack_id != stack_id):
            model = self.model.new_stack(name, stack_id)
        if change_set_type == "CREATE":
            model.last_status = "REVIEW_IN_PROGRESS"
            if self.model.settings_for(name) is not None:
                model.history.append(dict(stack_event(model, "REVIEW_IN_PROGRESS", "User Initiated"),
                                          timestamp=self.model.stamp(), event_id=str(uuid.uuid4())))
        record = {"id": change_set_id, "name": params.get("ChangeSetName"), "stack": name, "type": change_set_type,
                  "template": template, "executed": False}
        self.model.change_sets[change_set_id] = record
        self.model.change_sets[(name, params.get("ChangeSetName"))] = record
        return answer

    def find_change_set(self, params):
        name = params.get("ChangeSetName")
        return self.model.change_sets.get(name) or self.model.change_sets.get((params.get("StackName"), name))

    def cfn_ExecuteChangeSet(self, request, note):
        record = self.find_change_set(request.params)
        if record is not None and record["executed"]:
            note.append("rejected: change set executed before")
            return cfn_error("InvalidChangeSetStatus",
                             "ChangeSet [%s] cannot be executed in its current execution status of [EXECUTE_COMPLETE]"
                             % record["id"])
        model = self.model.stack(record["stack"] if record else request.params.get("StackName"))
        if model is not None and model.busy():
            status = model.current_status()
            note.append("rejected: stack in %s" % status)
            return cfn_error("InvalidChangeSetStatus", "ChangeSet [%s] cannot be executed in its current status of "
                             "[%s] because stack [%s] is in %s state" % (
                                 record["id"] if record else request.params.get("ChangeSetName"), "CREATE_COMPLETE",
                                 model.stack_id, status))
        answer = self.forward(request)
        if answer.status != 200 or record is None or model is None:
            return answer
        record["executed"] = True
        settings = self.model.settings_for(model.name)
        new_body = record["template"] if record["template"] is not None else model.template_body
        if settings is None:
            model.template_body = new_body
            model.last_status = "CREATE_COMPLETE" if record["type"] == "CREATE" else "UPDATE_COMPLETE"
            return answer
        fail = self.failure(model, "create" if record["type"] == "CREATE" else "update")
        disable_rollback = request.params.get("DisableRollback") == "true"
        if record["type"] == "CREATE":
            plan = plan_create(model, template_resources(new_body), fail, disable_rollback)
            self.start(model, "create", plan, "REVIEW_IN_PROGRESS", note)
        else:
            previous = model.current_status() or "CREATE_COMPLETE"
            old_body = model.template_body
            plan = plan_update(model, old_body, new_body, fail, disable_rollback)
            self.start(model, "update", plan, previous, note)
            if plan[1] is not None and plan[1][0] != "UPDATE_FAILED":
                model.rolled_back_template = old_body
                return answer
        model.template_body = new_body
        return answer

    def failure(self, model, operation):
        settings = self.model.settings_for(model.name) or {}
        fail = settings.get("fail")
        if not fail or operation not in fail.get("operations", ["create", "update"]):
            return None
        times = fail.get("times")
        if times is not None and self.model.fail_counts.get(model.name, 0) >= int(times):
            return None
        return fail

    def cfn_CreateStack(self, request, note):
        params = request.params
        name = params.get("StackName")
        answer = self.forward(request)
        if answer.status != 200:
            return answer
        model = self.model.new_stack(name, xml_value(answer.body.decode("utf-8", "replace"), "StackId"))
        model.protection = params.get("EnableTerminationProtection") == "true"
        body = self.template_of(request, None)
        model.template_body = body
        if self.model.settings_for(name) is None:
            model.last_status = "CREATE_COMPLETE"
            return answer
        self.start(model, "create", plan_create(model, template_resources(body), self.failure(model, "create")), None, note)
        return answer

    def cfn_UpdateStack(self, request, note):
        model = self.model.stack(request.params.get("StackName"))
        blocked = self.not_updatable(model)
        if blocked:
            note.append("rejected: stack in %s" % blocked)
            return cfn_error("ValidationError", "Stack:%s is in %s state and can not be updated." % (model.stack_id, blocked))
        new_body = self.template_of(request, model)
        answer = self.forward(request)
        if answer.status != 200 or model is None:
            return answer
        if self.model.settings_for(model.name) is None:
            model.template_body, model.last_status = new_body, "UPDATE_COMPLETE"
            return answer
        old_body = model.template_body
        plan = plan_update(model, old_body, new_body, self.failure(model, "update"))
        self.start(model, "update", plan, model.current_status() or "CREATE_COMPLETE", note)
        if plan[1] is not None:
            model.rolled_back_template = old_body
        else:
            model.template_body = new_body
        return answer

    def cfn_DeleteStack(self, request, note):
        name = request.params.get("StackName")
        model = self.model.stack(name)
        if model is not None and model.protection:
            note.append("rejected: termination protection")
            return cfn_error("ValidationError", "Stack [%s] cannot be deleted while TerminationProtection is enabled"
                             % model.name)
        if model is not None and model.deleted:
            model = None
        if model is not None and model.busy() and model.op.kind == "delete":
            note.append("already deleting")
            return self.cfn_local(request, "DeleteStack", None)
        if model is not None and model.ghost:
            answer = self.cfn_local(request, "DeleteStack", None)
        else:
            answer = self.forward(request)
        if answer.status != 200 or model is None:
            return answer
        settings = self.model.settings_for(model.name)
        if settings is None:
            model.deleted = True
            return answer
        previous = model.current_status() or "CREATE_COMPLETE"
        model.ghost = False
        plan = plan_delete(model, self.failure(model, "delete"), set(request.list_param("RetainResources")),
                           previous == "ROLLBACK_COMPLETE")
        self.start(model, "delete", plan, previous, note)
        return answer

    def cfn_UpdateTerminationProtection(self, request, note):
        model = self.model.stack(request.params.get("StackName"))
        if model is None or model.deleted:
            return cfn_error("ValidationError", "Stack [%s] does not exist" % request.params.get("StackName"))
        model.protection = request.params.get("EnableTerminationProtection") == "true"
        note.append("termination protection %s" % ("on" if model.protection else "off"))
        return self.cfn_local(request, "UpdateTerminationProtection",
                              "<StackId>%s</StackId>" % escape(model.stack_id or model.name))

    def cfn_ContinueUpdateRollback(self, request, note):
        model = self.model.stack(request.params.get("StackName"))
        if model is None or model.deleted:
            return cfn_error("ValidationError", "Stack [%s] does not exist" % request.params.get("StackName"))
        status = model.current_status()
        if status != "UPDATE_ROLLBACK_FAILED":
            note.append("rejected: stack in %s" % status)
            return cfn_error("ValidationError", "Stack [%s] is in %s state and can not continue update rollback. "
                             "Stack must be in UPDATE_ROLLBACK_FAILED state." % (model.stack_id, status))
        skipped = set(request.list_param("ResourcesToSkip"))
        settings = self.model.settings_for(model.name) or {}
        plan = plan_continue(model, skipped, settings.get("fail"))
        self.start(model, "continue", plan, status, note)
        if plan[1] and plan[1][0] == "UPDATE_ROLLBACK_COMPLETE":
            model.failed_resources = []
        return self.cfn_local(request, "ContinueUpdateRollback")

    def cfn_RollbackStack(self, request, note):
        model = self.model.stack(request.params.get("StackName"))
        if model is None or model.deleted:
            return cfn_error("ValidationError", "Stack [%s] does not exist" % request.params.get("StackName"))
        status = model.current_status()
        if status not in ("CREATE_FAILED", "UPDATE_FAILED") or model.busy():
            note.append("rejected: stack in %s" % status)
            return cfn_error("ValidationError", "Stack [%s] is in %s state and can not be rolled back."
                             % (model.stack_id, status))
        plan = plan_rollback(model)
        if model.paused and model.paused["kind"] == "update":
            model.rolled_back_template = model.template_body = model.paused.get("old_body")
        self.start(model, "rollback", plan, status, note)
        model.paused = None
        return self.cfn_local(request, "RollbackStack", "<StackId>%s</StackId>" % escape(model.stack_id or model.name))

    def stack_member(self, model, status, reason):
        """A DescribeStacks member for `model` when moto has none: its last one from moto, or a minimal one."""
        member = model.member_xml or (
            "<member><StackId>%s</StackId><StackName>%s</StackName><CreationTime>%s</CreationTime>"
            "<StackStatus></StackStatus><DisableRollback>false</DisableRollback></member>"
            % (escape(model.stack_id or model.name), escape(model.name), now_iso()))
        return self.dress(model, member, status, reason)

    def dress(self, model, member, status, reason):
        member = set_xml_value(member, "StackStatus", status)
        member = set_xml_value(member, "StackStatusReason", reason)
        if model.protection is not None:
            member = set_xml_value(member, "EnableTerminationProtection", "true" if model.protection else "false")
        return member

    def view(self, model, phase, status):
        """(status, reason) DescribeStacks shows for `model` in `phase`; None: moto's answer as it is."""
        if phase == "stale":
            return status, None
        if phase == "progress":
            reason = next((item["reason"] for item in reversed(model.op.events[:model.op.revealed])
                           if item["type"] == "AWS::CloudFormation::Stack"), None)
            return status, reason
        if model.override:
            return model.override
        return None

    def cfn_DescribeStacks(self, request, note):
        name = request.params.get("StackName")
        model = self.model.stack(name)
        phase, status = ("none", None)
        if model is not None:
            phase, status = self.advance(model)
            if phase == "stale" and status is None:
                note.append("stale read: not there yet")
                return cfn_error("ValidationError", "Stack with id %s does not exist" % name)
        answer = self.forward(request)
        text = answer.body.decode("utf-8", "replace")
        if answer.status != 200:
            # moto no longer knows the stack (deleted, or DELETE_FAILED here): the proxy answers while it does.
            if model is not None and (phase in ("stale", "progress") or model.ghost):
                shown = self.view(model, phase, status) or model.override or (status, None)
                note.append("%s %s (moto has no stack)" % (phase, shown[0]))
                member = self.stack_member(model, shown[0], shown[1])
                return Answer.xml(200, cfn_result("DescribeStacks", "<Stacks>%s</Stacks>" % member))
            return answer

        def rewrite(member):
            member_name = xml_value(member, "StackName")
            if model is not None and member_name == model.name:
                target, shown = model, self.view(model, phase, status)
            else:
                target = self.model.stacks.get(member_name)
                if target is None or target.deleted:
                    return member
                shown = (target.current_status(), None) if target.busy() else target.override
            target.member_xml = member
            if shown is None:
                if target is model and phase in ("none", "final"):
                    target.last_status = xml_value(member, "StackStatus") or target.last_status
                return self.dress(target, member, xml_value(member, "StackStatus"), xml_value(member, "StackStatusReason"))
            if target is model:
                note.append("%s %s" % (phase, shown[0]))
            return self.dress(target, member, shown[0], shown[1])

        return Answer(answer.status, rewrite_members(text, "Stacks", rewrite).encode(), answer.headers)

    def cfn_ListStacks(self, request, note):
        answer = self.forward(request)
        if answer.status != 200:
            return answer

        def rewrite(member):
            target = self.model.stacks.get(xml_value(member, "StackName"))
            if target is None or target.stack_id != xml_value(member, "StackId"):
                return member
            current = target.current_status()
            return set_xml_value(member, "StackStatus", current) if current else member

        text = rewrite_members(answer.body.decode("utf-8", "replace"), "StackSummaries", rewrite)
        return Answer(200, text.encode(), answer.headers)

    def cfn_GetTemplate(self, request, note):
        model = self.model.stack(request.params.get("StackName"))
        answer = self.forward(request)
        if answer.status == 200 and model is not None and model.override and model.rolled_back_template is not None \
                and model.override[0].startswith("UPDATE_ROLLBACK"):
            note.append("template before the rolled-back update")
            text = answer.body.decode("utf-8", "replace")
            text = re.sub(r"<TemplateBody>.*?</TemplateBody>", lambda _: "<TemplateBody>%s</TemplateBody>"
                          % escape(model.rolled_back_template), text, count=1, flags=re.S)
            return Answer(200, text.encode(), answer.headers)
        return answer

    def cfn_DescribeStackEvents(self, request, note):
        params = request.params
        model = self.model.stack(params.get("StackName"))
        by_name = not (params.get("StackName") or "").startswith("arn:")
        if model is None or not model.history or (model.deleted and by_name):
            return self.forward(request)
        events = list(reversed(model.history))
        settings = self.model.settings_for(model.name) or {}
        page = int(settings.get("events_page_size", 100))
        start = int(params.get("NextToken") or 0)
        chosen = events[start:start + page]
        members = []
        for item in chosen:
            fields = [("StackId", model.stack_id), ("EventId", item["event_id"]), ("StackName", model.name),
                      ("LogicalResourceId", item["logical_id"]), ("PhysicalResourceId", item["physical"]),
                      ("ResourceType", item["type"]), ("Timestamp", item["timestamp"]),
                      ("ResourceStatus", item["status"]), ("ResourceStatusReason", item["reason"])]
            members.append("<member>%s</member>" % "".join(
                "<%s>%s</%s>" % (key, escape(value), key) for key, value in fields if value is not None))
        inner = "<StackEvents>%s</StackEvents>" % "".join(members)
        if start + page < len(events):
            inner += "<NextToken>%d</NextToken>" % (start + page)
        note.append("%d synthesized events" % len(chosen))
        return Answer.xml(200, cfn_result("DescribeStackEvents", inner))

    # ---- log -------------------------------------------------------------------------------------------

    def record(self, request, rule, status, note):
        forwarded = request.forwarded
        token = request.params.get("ClientRequestToken") or request.params.get("ClientToken")
        entry = {"method": request.method, "path": request.path_only, "service": request.service,
                 "action": request.action, "stack": request.stack_name, "status": status,
                 "fault": rule.fault if rule else None, "rule": rule.id if rule else None,
                 "modelled": "; ".join(note) or None, "forwarded": forwarded, "time": now_iso()}
        if request.params.get("ChangeSetName"):
            entry["change_set"] = request.params["ChangeSetName"]
        if request.action in MUTATING_ACTIONS:
            entry["client_request_token"] = token
            entry["has_client_request_token"] = bool(token)
        if request.action in ("CreateChangeSet", "CreateStack", "UpdateStack"):
            entry["parameters"] = stack_parameters(request.params)
            entry["role_arn"] = request.params.get("RoleARN")
            entry["notification_arns"] = request.list_param("NotificationARNs")
        if request.action == "AssumeRole":
            entry["role_arn"] = request.params.get("RoleArn")
        # Who signed the request, and the S3 headers a deploy must send (owner check, encryption).
        authorization = dict((key.lower(), value) for key, value in request.headers).get("authorization", "")
        credential = re.search(r"Credential=([^/]+)/", authorization)
        entry["access_key"] = credential.group(1) if credential else None
        if request.service == "s3":
            entry["headers"] = dict((key.lower(), value) for key, value in request.headers
                                    if key.lower() == "x-amz-expected-bucket-owner" or key.lower().startswith("x-amz-server-side-encryption"))
        with self.log_lock:
            self.sequence += 1
            entry["seq"] = self.sequence
            self.log.append(entry)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FaultProxy"
    proxy = None  # set on the class by serve()

    def log_message(self, format, *args):  # quiet; the log is the control API's
        pass

    def read_body(self):
        length = self.headers.get("Content-Length")
        if length is not None:
            return self.rfile.read(int(length))
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            # Forwarded as it came, chunk framing included, with the Transfer-Encoding header it came with.
            raw = bytearray()
            while True:
                line = self.rfile.readline()
                raw += line
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while True:
                        trailer = self.rfile.readline()
                        raw += trailer
                        if trailer in (b"\r\n", b"\n", b""):
                            return bytes(raw)
                raw += self.rfile.read(size + 2)
        return b""

    def do_any(self):
        body = self.read_body()
        if self.path.startswith(CONTROL_PREFIX):
            parsed = urllib.parse.urlsplit(self.path)
            status, value = self.proxy.control(self.command, parsed.path, parsed.query, body)
            self.send(Answer(status, json.dumps(value, indent=1, default=str), [("Content-Type", "application/json")]))
            return
        request = Request(self, body)
        proxy = self.proxy
        rule = proxy.pick_rule(request)
        note = []
        if rule is not None and rule.fault == "delay":
            time.sleep(float(rule.spec.get("seconds", 1)))
        if rule is not None and rule.fault in PRE_FAULTS:
            if rule.fault == "drop_before":
                proxy.record(request, rule, None, note)
                self.drop(rule.spec.get("reset", False))
            elif rule.fault == "endless_body":
                proxy.record(request, rule, 200, note)
                self.endless(rule.spec)
            else:
                answer = proxy.fault_answer(request, rule)
                proxy.record(request, rule, answer.status, note)
                self.send(answer)
            return
        try:
            answer = proxy.answer(request, note)
        except (OSError, http.client.HTTPException) as error:
            answer = Answer(502, "fault proxy: upstream %s failed: %s" % (proxy.upstream, error),
                            [("Content-Type", "text/plain")])
        fault = rule.fault if rule is not None else None
        if fault == "drop_after":
            proxy.record(request, rule, None, note + ["answer %d dropped" % answer.status])
            self.drop(rule.spec.get("reset", False))
            return
        if fault == "error_after":
            proxy.record(request, rule, 500, note + ["answer %d replaced" % answer.status])
            self.send(proxy.fault_answer(request, rule))
            return
        proxy.record(request, rule, answer.status, note)
        if fault == "slow_body":
            self.slow(answer, rule.spec)
        else:
            self.send(answer)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = do_any

    def head_lines(self, answer, length=True):
        self.send_response_only(answer.status, answer.reason)
        seen = set()
        for key, value in answer.headers:
            if key.lower() == "content-length":
                continue
            seen.add(key.lower())
            self.send_header(key, value)
        if "date" not in seen:
            self.send_header("Date", self.date_time_string())
        if length:
            self.send_header("Content-Length", str(len(answer.body)))

    def send(self, answer):
        if self.command == "HEAD":
            self.send_response_only(answer.status, answer.reason)
            for key, value in answer.headers:
                self.send_header(key, value)
            self.end_headers()
            return
        try:
            self.head_lines(answer)
            self.end_headers()
            self.wfile.write(answer.body)
            self.wfile.flush()
        except OSError:  # the client left (a timeout of its own): nothing to answer
            self.close_connection = True

    def drop(self, reset):
        """Closes the connection without an answer (with a TCP reset when `reset`)."""
        self.close_connection = True
        if reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def slow(self, answer, spec):
        """The answer's head at once, then its body `chunk` bytes every `interval` seconds (stalling for
        good after `stall_after` bytes when given)."""
        chunk, interval = int(spec.get("chunk", 16)), float(spec.get("interval", 0.5))
        stall_after = spec.get("stall_after")
        self.close_connection = True
        try:
            self.head_lines(answer)
            self.end_headers()
            self.wfile.flush()
            sent = 0
            while sent < len(answer.body):
                if stall_after is not None and sent >= int(stall_after):
                    deadline = time.time() + float(spec.get("max_seconds", 300))
                    while time.time() < deadline:
                        time.sleep(0.2)
                    return
                self.wfile.write(answer.body[sent:sent + chunk])
                self.wfile.flush()
                sent += chunk
                if sent < len(answer.body):
                    time.sleep(interval)
        except OSError:
            pass

    def endless(self, spec):
        """A 200 whose body never ends (chunked, or a huge Content-Length), until the client leaves."""
        self.close_connection = True
        chunked = spec.get("mode", "chunked") == "chunked"
        piece = (b"<!-- the fault proxy's endless body -->\n" * 1700)[:int(spec.get("chunk", 65536))]
        interval = float(spec.get("interval", 0.01))
        deadline = time.time() + float(spec.get("max_seconds", 300))
        try:
            self.send_response_only(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Date", self.date_time_string())
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Content-Length", str(1 << 40))
            self.end_headers()
            self.wfile.write(b'<?xml version="1.0"?>\n' if not chunked else b'16\r\n<?xml version="1.0"?>\n\r\n')
            while time.time() < deadline:
                if chunked:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                else:
                    self.wfile.write(piece)
                self.wfile.flush()
                if interval:
                    time.sleep(interval)
        except OSError:
            pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], OSError):
            return  # a client that hung up: expected with timeouts and dropped connections
        super().handle_error(request, client_address)


def watch_parent(parent_pid):
    """Exits the process when the parent is gone (reparented, or --parent-pid no longer running)."""
    original = os.getppid()

    def loop():
        while True:
            time.sleep(0.5)
            if parent_pid:
                try:
                    os.kill(parent_pid, 0)
                except ProcessLookupError:
                    os._exit(0)
                except PermissionError:
                    pass
            elif os.getppid() != original:
                os._exit(0)

    threading.Thread(target=loop, daemon=True, name="parent-watchdog").start()


def serve(upstream, host="127.0.0.1", port=0, parent_pid=None, watch=True):
    proxy = FaultProxy(upstream)
    handler = type("BoundHandler", (Handler,), {"proxy": proxy})
    server = Server((host, port), handler)
    if watch:
        watch_parent(parent_pid)
    return server, proxy


def main():
    parser = argparse.ArgumentParser(description="A fault-injecting proxy in front of a moto server.")
    parser.add_argument("--upstream", required=True, help="moto's URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed on stdout's first line)")
    parser.add_argument("--parent-pid", type=int, default=None,
                        help="exit when this process is gone (default: when the parent process is gone)")
    arguments = parser.parse_args()
    server, _ = serve(arguments.upstream, arguments.host, arguments.port, arguments.parent_pid)
    sys.stdout.write("%d\n" % server.server_address[1])
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
