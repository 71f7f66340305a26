"""``sanctionwatch lists``: load, update, status, diff, export and issues of official lists."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sanctionwatch.cli.common import console, err_console, print_json, print_table, progress_bar
from sanctionwatch.exc import InputError, NotFoundError
from sanctionwatch.lists.diff import diff_dataset
from sanctionwatch.lists.fetch import UpdateResult, update_lists
from sanctionwatch.lists.load import LoadResult, load_file, plan_folder
from sanctionwatch.settings import get_settings
from sanctionwatch.store import open_store
from sanctionwatch.store.base import Version

app = typer.Typer(help="Load, update and inspect official sanctions lists.", no_args_is_help=True)

FORMAT_HELP = "Output: text (a table) or json."


def _show_load(result: LoadResult) -> None:
    v = result.version
    if result.skipped:
        err_console.print(f"{result.path}: already loaded (version {v.id}, same checksum)")
        return
    schemas = ", ".join(f"{n} {s}" for s, n in v.by_schema.items())
    console.print(
        f"{result.path}: [bold]{v.dataset}[/bold] published {v.published or 'unknown'}: "
        f"{v.entries} entries ({schemas})" + (f"; {v.issues} issues" if v.issues else ""),
        highlight=False,
        soft_wrap=True,
    )


@app.command("load")
def load_cmd(
    path: Path = typer.Argument(..., help="A list file, or a folder: every list file in it."),
    dataset: str | None = typer.Option(None, "--dataset", help="Dataset id to load into."),
    format: str | None = typer.Option(
        None,
        "--format",
        help="Input format, detected when omitted: un_sc, us_ofac_sdn, us_ofac_cons, "
        "us_ofac_csv, eu_fsf, gb_hmt, ftm.",
    ),
    force: bool = typer.Option(False, "--force", help="Load again even if already loaded."),
    json_out: bool = typer.Option(False, "--json", help="Print what was loaded as JSON."),
) -> None:
    """Load list files into the store; each file becomes a new version of its dataset."""
    store = open_store()
    if path.is_dir():
        todo, skipped = plan_folder(path)
        if not todo:
            raise InputError(f"{path}: no list file found in this folder", path=str(path))
        for other in skipped:
            err_console.print(f"skipped {other}: not a list file", highlight=False)
        files: list[tuple[Path, str | None]] = [(p, format or f.name) for p, f in todo]
    elif path.exists():
        files = [(path, format)]
    else:
        raise InputError(f"{path}: no such file or folder", path=str(path))
    results = []
    for file, fmt in files:
        with progress_bar(f"Loading {file.name}") as advance:
            result = load_file(
                file, store, dataset=dataset, format=fmt, force=force, progress=advance
            )
        results.append(result)
        if not json_out:
            _show_load(result)
    if json_out:
        print_json([r.to_dict() for r in results])


@app.command("update")
def update_cmd(
    dataset: list[str] = typer.Option(None, "--dataset", help="Only this dataset (repeatable)."),
    force: bool = typer.Option(False, "--force", help="Download and load even if unchanged."),
    json_out: bool = typer.Option(False, "--json", help="Print the results as JSON."),
) -> None:
    """Download each list from its official address and load it."""
    settings = get_settings()
    store = open_store(settings)

    def report(result: UpdateResult) -> None:
        if json_out:
            return
        if result.load is not None and result.status == "loaded":
            _show_load(result.load)
        else:
            console.print(f"{result.dataset}: {result.status} ({result.url})", highlight=False)

    results = update_lists(store, settings, dataset or None, force, on_result=report)
    if json_out:
        print_json([r.to_dict() for r in results])


def _print_status(versions: list[Version]) -> None:
    rows = [
        [
            v.dataset,
            v.published or "?",
            str(v.entries),
            ", ".join(f"{s} {n}" for s, n in v.by_schema.items()),
            v.loaded_at,
            str(v.issues),
        ]
        for v in versions
    ]
    print_table(
        ["dataset", "published", "entries", "by schema", "loaded at", "issues"],
        rows,
        title="Loaded lists",
    )


@app.command("status")
def status_cmd(
    format: str = typer.Option("text", "--format", help=FORMAT_HELP),
    all_versions: bool = typer.Option(
        False, "--all", help="Every kept version, not only the newest."
    ),
) -> None:
    """Datasets in the store: publication date, entries, when loaded."""
    store = open_store()
    versions = store.versions() if all_versions else store.latest_versions()
    if format == "json":
        print_json([v.to_status() for v in versions])
    elif not versions:
        err_console.print("No lists loaded. Use `sanctionwatch lists load PATH` or `lists update`.")
    else:
        _print_status(versions)


@app.command("diff")
def diff_cmd(
    dataset: str = typer.Argument(..., help="Dataset id, e.g. un_sc."),
    format: str = typer.Option("text", "--format", help=FORMAT_HELP),
    limit: int = typer.Option(20, "--limit", help="Entities listed per section in text output."),
) -> None:
    """Entities added, removed and changed between the two newest versions of a dataset."""
    diff = diff_dataset(open_store(), dataset)
    if format == "json":
        print_json(diff.to_dict())
        return
    console.print(
        f"[bold]{dataset}[/bold]: {diff.old.published} (version {diff.old.id}) -> "
        f"{diff.new.published} (version {diff.new.id}): {len(diff.added)} added, "
        f"{len(diff.removed)} removed, {len(diff.changed)} changed",
        highlight=False,
    )
    for title, ents in (("Added", diff.added), ("Removed", diff.removed)):
        for ent in ents[:limit]:
            console.print(f"  {title[0]} {ent.id} {ent.schema} {ent.caption}", highlight=False)
    for change in diff.changed[:limit]:
        props = ", ".join(sorted(set(change.added) | set(change.removed)))
        console.print(f"  ~ {change.entity_id} {change.caption}: {props}", highlight=False)


@app.command("export")
def export_cmd(
    format: str = typer.Option("ftm", "--format", help="Output format: ftm (FtM JSON lines)."),
    dataset: list[str] = typer.Option(None, "--dataset", help="Only this dataset (repeatable)."),
) -> None:
    """Write the newest version of every dataset as FollowTheMoney JSON lines to stdout."""
    if format != "ftm":
        raise InputError(f"Unknown export format {format!r}; expected ftm", format=format)
    from sanctionwatch.lists.ftm import write_ftm

    store = open_store()
    versions = store.latest_versions(dataset or None)
    if dataset and not versions:
        raise NotFoundError(f"No loaded dataset among {', '.join(dataset)}")
    for version in versions:
        write_ftm(store.iter_entities(version.id), sys.stdout)


@app.command("issues")
def issues_cmd(
    dataset: str = typer.Argument(..., help="Dataset id."),
    format: str = typer.Option("text", "--format", help=FORMAT_HELP),
) -> None:
    """Values the parser of the newest version could not interpret (kept, not dropped)."""
    store = open_store()
    versions = store.versions(dataset)
    if not versions:
        raise NotFoundError(f"No versions of dataset {dataset!r} are loaded", dataset=dataset)
    issues = store.version_issues(versions[0].id)
    if format == "json":
        print_json([i.to_dict() for i in issues])
        return
    for issue in issues:
        console.print(
            f"{issue.level}: {issue.message} [record {issue.record}] {issue.value!r}",
            highlight=False,
            markup=False,
        )
