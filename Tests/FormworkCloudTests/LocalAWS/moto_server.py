"""moto's server, as the cloud tests run it, with two gaps in its CloudFormation closed.

moto computes a stack's outputs and registers its exports only for CreateStack and UpdateStack, not when a
change set is executed, and a stack it makes for a change set cannot import: a stack deployed through change
sets has no outputs, and `Fn::ImportValue` of its exports fails with "No export named ...". Real
CloudFormation does all of it either way; so does this server. And the name moto makes up for an
`AWS::Events::Archive` without one (`<stack>-<logical id>-<suffix>`) can exceed the 48 characters EventBridge
takes, which moto then refuses; CloudFormation's generated names fit, and so do this server's. With signature
checking on, moto refuses every correctly signed request that has neither a body nor a query string (Lambda's
`GET /2015-03-31/functions/NAME/configuration`, even from boto3): it takes the request's headers for its
parameters and checks the signature over them as if they were the body; this server checks it over the bytes
sent. And moto fails with a 500 deleting a change set it does not have, which the CDK CLI does before each
deployment; here that deletes nothing, so that `cdk deploy` can run against this server too. Everything else is
moto's own server: the arguments are `moto.server`'s.

usage: python3 moto_server.py -H 127.0.0.1 -p PORT
"""
import sys

from moto.cloudformation.models import CloudFormationBackend, Stack, cloudformation_backends
from moto.events.models import Archive
from moto.iam.access_control import IAMRequestBase
from moto.server import main

_stack_init = Stack.__init__
_execute_change_set = CloudFormationBackend.execute_change_set


def stack_init_seeing_exports(self, *args, **kwargs):
    """Every stack may import the exports of its account and region, also one made for a change set."""
    if kwargs.get("cross_stack_resources") is None and "account_id" in kwargs and "region_name" in kwargs:
        kwargs["cross_stack_resources"] = cloudformation_backends[kwargs["account_id"]][kwargs["region_name"]].exports
    _stack_init(self, *args, **kwargs)


def execute_change_set_with_outputs(self, change_set_name, stack_name=None):
    """moto's execution, then the stack's outputs computed and its exports registered."""
    _execute_change_set(self, change_set_name, stack_name)
    change_set = self.change_sets.get(change_set_name) or next(
        (item for item in self.change_sets.values() if item.change_set_name == change_set_name), None)
    if change_set is None:
        return
    stack = self.stacks[change_set.stack_id]
    stack._parse_template()
    stack.output_map = stack._create_output_map()
    for export in stack.exports:
        self.exports[export.name] = export


_create_archive = Archive.create_from_cloudformation_json.__func__


def create_archive_with_a_name_that_fits(cls, resource_name, *args, **kwargs):
    return _create_archive(cls, resource_name[-48:], *args, **kwargs)


_delete_change_set = CloudFormationBackend.delete_change_set


def delete_change_set_that_may_be_gone(self, change_set_name):
    """moto's deletion, for a change set that exists; nothing for one that does not."""
    if change_set_name in self.change_sets or any(item.change_set_name == change_set_name for item in self.change_sets.values()):
        _delete_change_set(self, change_set_name)


_create_aws_request = IAMRequestBase._create_aws_request


def create_aws_request_of_the_bytes_sent(self):
    """moto's request for checking the signature, with an empty body where the request had none and moto took
    the headers for its parameters (a form's parameters, parsed by moto, stay what the signature covers)."""
    parsed = self._data
    if not self._body and isinstance(parsed, dict) and parsed and set(parsed) == set(self._headers.keys()):
        self._data = b""
    try:
        return _create_aws_request(self)
    finally:
        self._data = parsed


Stack.__init__ = stack_init_seeing_exports
IAMRequestBase._create_aws_request = create_aws_request_of_the_bytes_sent
Archive.create_from_cloudformation_json = classmethod(create_archive_with_a_name_that_fits)
CloudFormationBackend.execute_change_set = execute_change_set_with_outputs
CloudFormationBackend.delete_change_set = delete_change_set_that_may_be_gone

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
