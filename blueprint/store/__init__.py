"""Project files: SQLite through SQLAlchemy, edit sessions with working copies, JSON."""

from .errors import ProjectFileError
from .files import CheckReport, check_file, load_document, save_document
from .interchange import export_json, import_json, read_json, write_json
from .recovery import Recovery, find_recoveries
from .schema import APPLICATION_ID, SCHEMA_VERSION
from .session import EditSession
from .workingcopy import default_data_dir

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "CheckReport",
    "EditSession",
    "ProjectFileError",
    "Recovery",
    "check_file",
    "default_data_dir",
    "export_json",
    "find_recoveries",
    "import_json",
    "load_document",
    "read_json",
    "save_document",
    "write_json",
]
