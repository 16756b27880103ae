"""Turn rendered documents into a per-year archive that can be trusted without docgen.

See `layout` for where sets live, `store` for how they are written, `sets` for how they are
read, verified, finalized and bundled, `signing` for how a signed paper joins a set,
`manifest` for how a manifest is checked.
"""

from docgen.archive.layout import DEFAULT_ROOT, cluster_slug, file_name, parse_cluster, slug
from docgen.archive.sets import (
    Accepted,
    SetInfo,
    accept,
    bundle,
    edited_files,
    finalize,
    find_set,
    list_sets,
    sha256,
    verify_locked,
    verify_set,
)
from docgen.archive.signing import Signed, sign
from docgen.archive.store import (
    Edit,
    EditedFiles,
    EditPolicy,
    Output,
    Published,
    SignedChanged,
    publish,
)

__all__ = [
    "DEFAULT_ROOT",
    "Accepted",
    "Edit",
    "EditPolicy",
    "EditedFiles",
    "Output",
    "Published",
    "SetInfo",
    "Signed",
    "SignedChanged",
    "accept",
    "bundle",
    "cluster_slug",
    "edited_files",
    "file_name",
    "finalize",
    "find_set",
    "list_sets",
    "parse_cluster",
    "publish",
    "sha256",
    "sign",
    "slug",
    "verify_locked",
    "verify_set",
]
