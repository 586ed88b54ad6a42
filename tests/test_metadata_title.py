"""The bare first line that reads as a title (metadata rule line.first, issue 12): it names the
document, and its place is the document's place (extract/agencies/jurisdiction.py reads it as the
title). Lines quoted from the dev documents (tests/gold/dev/docs) unless marked HAND-WRITTEN."""

from __future__ import annotations

import pytest

from policykg.extract.structure.metadata import header_metadata, reads_as_title
from policykg.extract.structure.sections import parse_structure


@pytest.mark.parametrize("line", [
    "石城县2018年度河长制湖长制工作责任单位目标管理（绩效）考核细则",  # jx-shicheng-2018-hezhang-kaohe
    "七宝镇限额以下小型建设工程管理的实施意见",  # sh-qibao-2020-xiane-gongcheng
    "专利代理条例",  # gov-2018-guoling-706's own title line
    "示例工作管理办法（试行）",  # HAND-WRITTEN: a bracketed note after the kind of document
])
def test_lines_that_read_as_titles(line):
    assert reads_as_title(line)


@pytest.mark.parametrize("line", [
    "中华人民共和国国务院令",  # gov-2018-guoling-706: an order's head, no kind of document
    "中共柳河县委 柳河县人民政府",  # liuhe-2023-zhongdian-chanye: issuers
    "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构：",  # sc-2014-duchazicha: addressees
    "加入县河长制工作群（3分）",  # jx-shicheng: a table cell
    # A notice that 印发 a plan: the notice rules read the plan's title from 《》.
    "上海市徐汇区人民政府办公室关于印发《徐汇区消防安全责任制实施细则》的通知",
    "为把我县旅游业培育成为新的支柱产业，推动旅游业转型升级",  # liuhe-2019-lvyou: a sentence
])
def test_lines_that_do_not(line):
    assert not reads_as_title(line)


def test_the_first_line_titles_a_document_with_no_other_title():
    # HAND-WRITTEN shape of jx-shicheng: the first line is the only title there is.
    text = "石城县2018年度示例工作考核细则\n一、组织领导\n加入县示例工作群（3分）\n"
    meta = header_metadata("hand", parse_structure(text, "hand").front_lines, text)
    assert (meta.title, meta.provenance["title"]) == ("石城县2018年度示例工作考核细则", "header:line.first")
    # A markdown heading's marks are no part of a title (sh-qibao's first line).
    text = "# 七宝镇限额以下小型建设工程管理的实施意见\n一、适用范围\n本镇行政区域内的建设工程。\n"
    assert header_metadata("hand", parse_structure(text, "hand").front_lines, text).title == "七宝镇限额以下小型建设工程管理的实施意见"
