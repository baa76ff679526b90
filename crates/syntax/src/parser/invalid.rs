//! The `invalid_*` rules of the grammar: tried only in the second pass, they
//! recognise common mistakes and raise CPython's specific messages.
//!
//! Each rule returns `Err` when it raises, or `Ok(())` with the position
//! restored when it does not match.

use super::{PResult, Parser};

impl<'src> Parser<'src> {
    pub(crate) fn invalid_expression(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_legacy_expression(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_named_expression(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_group(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_for_target(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_comprehension(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_arguments(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_kwarg(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_parameters(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_lambda_parameters(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_star_etc(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_lambda_star_etc(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_kwds(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_lambda_kwds(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_default(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_assignment(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_del_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_import_from_targets(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_block(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_class_def_raw(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_def_raw(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_if_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_elif_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_else_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_while_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_for_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_with_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_with_item(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_try_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_except_star_stmt_indent(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_except_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_finally_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_match_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_case_block(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_as_pattern(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_mapping_pattern(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_class_pattern(&mut self) -> PResult<()> {
        Ok(())
    }
}
