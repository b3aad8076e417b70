"""Data files of installed packages are found without importing the packages."""

import pytest

from replylint.package_files import package_file


def test_a_data_file_of_an_installed_package_is_found_where_it_is_installed():
    path = package_file("pypinyin", "pinyin_dict.json", "its character table")
    assert path.is_file() and path.parent.name == "pypinyin"


def test_a_package_that_is_not_installed_is_named_in_the_error():
    with pytest.raises(ModuleNotFoundError, match="the no_such_pkg package \\(its table\\) is not installed"):
        package_file("no_such_pkg", "table.txt", "its table")
